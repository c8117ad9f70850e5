import { scenario } from "../../harness/model/scenario";
import { KERNEL_ALLOWANCE, STALL_MS, expectAllDelivered, fillUntilStalled } from "./support";

const HIGH_WATER_MARK = 4;
const BOUND = 2 * HIGH_WATER_MARK + KERNEL_ALLOWANCE;
const MAX_ATTEMPTS = BOUND + 30;

export default scenario({
  id: "options.receive-hwm-bounds-unread-pull",
  clause: "api.setsockopt.rcvhwm",
  alsoChecks: ["api.setsockopt.sndhwm"],
  level: "MUST",
  title: `A PULL with receiveHighWaterMark ${HIGH_WATER_MARK} that is not read stops taking messages: its PUSH (sendHighWaterMark ${HIGH_WATER_MARK}) accepts at most ${BOUND} 256 KiB messages before a send times out, and all arrive once the PULL reads`,
  async run(ctx) {
    const endpoint = ctx.endpoint("unread.sock");
    const puller = await ctx.socket(ctx.impl, "PULL", { receiveHighWaterMark: HIGH_WATER_MARK });
    await puller.bind(endpoint);
    const pusher = await ctx.socket(ctx.impl, "PUSH", { sendHighWaterMark: HIGH_WATER_MARK, sendTimeout: ctx.limit(STALL_MS) });
    await pusher.connect(endpoint);
    await pusher.send(["sync"]);
    await ctx.expectMessage(puller, "a first message: the connection is up", ["sync"]);
    const accepted = await fillUntilStalled(ctx, pusher, MAX_ATTEMPTS, "filling the path to a PULL that is not read");
    ctx.check(
      "256 KiB messages accepted before a send timed out",
      accepted,
      (n) => n >= 1 && n <= BOUND,
      `1 to ${BOUND} (both marks, ${HIGH_WATER_MARK} each, plus ${KERNEL_ALLOWANCE} for kernel buffers and partial reads and writes)`,
    );
    await expectAllDelivered(ctx, puller, accepted, "what the PULL receives once it reads");
  },
});
