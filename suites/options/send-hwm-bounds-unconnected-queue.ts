import { scenario } from "../../harness/model/scenario";
import { describeSequence, exactly, numbered, receiveNumbered } from "../delivery/sequence";

const HIGH_WATER_MARK = 5;
/** Far past the mark: a socket still accepting here has no limit of its own (libzmq's default is 1000 per peer). */
const MAX_ATTEMPTS = 150;

export default scenario({
  id: "options.send-hwm-bounds-unconnected-queue",
  clause: "api.setsockopt.sndhwm",
  level: "MUST",
  title:
    "A PUSH with sendHighWaterMark 5 connected to an unbound path queues at most 5 messages (EAGAIN after them); a PULL binding later receives exactly those",
  async run(ctx) {
    const endpoint = ctx.endpoint("unbound.sock");
    const pusher = await ctx.socket(ctx.impl, "PUSH", { sendHighWaterMark: HIGH_WATER_MARK, sendTimeout: 0 });
    await pusher.connect(endpoint);
    let accepted = 0;
    let refusal = "nothing";
    for (; accepted < MAX_ATTEMPTS; accepted++) {
      const result = await ctx.attempt(() => pusher.send([numbered("hwm", accepted)]));
      if (!result.ok) {
        refusal = result.code;
        break;
      }
    }
    ctx.observe("accepted", accepted);
    ctx.check("what ends the sends", refusal, "EAGAIN");
    // Nothing is connected: every message accepted is held in the implementation's memory, where
    // the mark is "a hard limit" (the NOTE's allowance for more is about transport buffers).
    ctx.check("messages queued for the one (unconnected) peer", accepted, (n) => n >= 1 && n <= HIGH_WATER_MARK, `1 to ${HIGH_WATER_MARK}`);
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(endpoint);
    const received = await receiveNumbered(ctx, puller, "hwm", accepted);
    ctx.check("messages the binder receives", describeSequence(received, accepted), exactly(accepted));
  },
});
