import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { message } from "../raw-zmtp/zmtp-bytes";
import { describeSequence, exactly } from "../delivery/sequence";
import { KERNEL_ALLOWANCE, STALL_MS, bulk, receiveBulk, within } from "./support";

const HIGH_WATER_MARK = 4;
const BOUND = HIGH_WATER_MARK + KERNEL_ALLOWANCE;
const MAX_MESSAGES = BOUND + 30;

export default scenario({
  id: "options.receive-hwm-stalls-raw-pusher",
  clause: "api.setsockopt.rcvhwm",
  level: "MUST",
  needs: ["harness-machine"],
  title: `A PULL with receiveHighWaterMark ${HIGH_WATER_MARK} that is not read stops reading its connection: a raw peer's writes stall after at most ${BOUND} 256 KiB messages, and all arrive once the PULL reads`,
  async run(ctx) {
    const { socket: puller, path } = await bound(ctx, "PULL", "pull.sock", { receiveHighWaterMark: HIGH_WATER_MARK });
    const peer = await RawPeer.connect(ctx, path, "raw PUSH peer");
    await peer.handshake("PUSH");
    // Message n is written only once message n-1 has gone into the kernel: the first write that
    // does not get there within the stall time is where the PULL stopped reading.
    let written = 0;
    for (; written < MAX_MESSAGES; written++) {
      const done = await within(ctx.limit(STALL_MS), peer.send(message([bulk(written)])));
      if (done === "late") break;
      if (peer.closed) ctx.check("the connection while writing", "closed by the implementation", "open");
    }
    ctx.observe("writtenBeforeStall", written);
    ctx.check(
      "256 KiB messages the PULL's connection took before writes stalled",
      written,
      (n) => n <= BOUND,
      `at most ${BOUND} (the mark, ${HIGH_WATER_MARK}, plus ${KERNEL_ALLOWANCE} for kernel buffers and a partial read)`,
    );
    // The stalled write goes on once the PULL reads: it arrives too.
    const expected = Math.min(written + 1, MAX_MESSAGES);
    const received = await receiveBulk(ctx, puller, expected);
    ctx.check("what the PULL receives once it reads", describeSequence(received, expected), exactly(expected));
  },
});
