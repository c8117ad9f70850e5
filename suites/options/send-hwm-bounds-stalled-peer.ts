import { scenario } from "../../harness/model/scenario";
import { RawListener } from "../raw-zmtp/raw-listener";
import { KERNEL_ALLOWANCE, STALL_MS, bulkNumber, fillUntilStalled } from "./support";
import { describeSequence, exactly } from "../delivery/sequence";

const HIGH_WATER_MARK = 4;
const BOUND = HIGH_WATER_MARK + KERNEL_ALLOWANCE;
const MAX_ATTEMPTS = BOUND + 30;

export default scenario({
  id: "options.send-hwm-bounds-stalled-peer",
  clause: "api.setsockopt.sndhwm",
  level: "MUST",
  needs: ["harness-machine"],
  title: `A PUSH with sendHighWaterMark ${HIGH_WATER_MARK} whose peer stops reading accepts at most ${BOUND} 256 KiB messages (the mark plus kernel buffers) before a send times out, and delivers every one once the peer reads again`,
  async run(ctx) {
    const listener = await RawListener.listen(ctx, ctx.path("pull.sock"), "raw PULL listener");
    const pusher = await ctx.socket(ctx.impl, "PUSH", { sendHighWaterMark: HIGH_WATER_MARK, sendTimeout: ctx.limit(STALL_MS) });
    await pusher.connect(ctx.endpoint("pull.sock"));
    const peer = await listener.expectConnection("the PUSH connects to the raw PULL");
    await peer.handshake("PULL");
    peer.pause();
    const accepted = await fillUntilStalled(ctx, pusher, MAX_ATTEMPTS, "filling the path to a peer that does not read");
    ctx.check(
      "256 KiB messages accepted before a send timed out",
      accepted,
      (n) => n >= 1 && n <= BOUND,
      `1 to ${BOUND} (the mark, ${HIGH_WATER_MARK}, plus ${KERNEL_ALLOWANCE} for kernel buffers and partial writes)`,
    );
    peer.resume();
    const received: Array<number | null> = [];
    for (let i = 0; i < accepted; i++) received.push(bulkNumber((await peer.readMessage(`message ${i} of ${accepted}`)).frames));
    ctx.check("what the peer reads once it reads again", describeSequence(received, accepted), exactly(accepted));
  },
});
