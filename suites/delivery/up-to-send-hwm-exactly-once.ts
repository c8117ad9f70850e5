import { scenario } from "../../harness/model/scenario";
import { describeSequence, exactly, numbered, receiveNumbered } from "./sequence";

const HIGH_WATER_MARK = 10;
/** Far past any honest reading of the mark: an implementation still accepting here has no limit. */
const MAX_ATTEMPTS = 10 * HIGH_WATER_MARK + 1000;

export default scenario({
  id: "delivery.up-to-send-hwm-exactly-once",
  clause: "compat.libzmq.connect-before-bind-queues",
  alsoChecks: ["api.setsockopt.sndhwm", "api.socket.push-mute-blocks", "zmtp.socket.in-order"],
  level: "COMPAT",
  title:
    "A PUSH with sendHighWaterMark 10 connected to an unbound path accepts sends until EAGAIN; a PULL binding later receives exactly those, each once, in order",
  async run(ctx) {
    const endpoint = ctx.endpoint("unbound.sock");
    // sendTimeout 0: the send that finds the queue full returns EAGAIN instead of blocking.
    const pusher = await ctx.socket(ctx.impl, "PUSH", { sendHighWaterMark: HIGH_WATER_MARK, sendTimeout: 0 });
    await pusher.connect(endpoint);
    let accepted = 0;
    let refusal: string | null = null;
    while (accepted < MAX_ATTEMPTS) {
      const result = await ctx.attempt(() => pusher.send([numbered("hwm", accepted)]));
      if (!result.ok) {
        refusal = result.code;
        break;
      }
      accepted++;
    }
    ctx.observe("highWaterMark", HIGH_WATER_MARK);
    ctx.observe("accepted", accepted);
    // zmq_setsockopt(3) does not promise exactly the mark ("may be as much as 90% lower", "may even
    // be able to accept more"): the number is recorded. What is required: the queue exists before
    // any binder (at least one message taken), it has a limit, and the limit shows as EAGAIN.
    ctx.check("sends accepted before any binder exists", accepted, (n) => n >= 1, "at least 1");
    ctx.check(
      "what ends the sends into the queue",
      refusal === null ? `nothing: all ${MAX_ATTEMPTS} accepted` : refusal,
      "EAGAIN",
      `EAGAIN within ${MAX_ATTEMPTS} sends (the queue has a limit)`,
    );

    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(endpoint);
    const received = await receiveNumbered(ctx, puller, "hwm", accepted);
    ctx.check("messages the binder received (every accepted one, none refused)", describeSequence(received, accepted), exactly(accepted));
    // The refused message (number `accepted`) must not have been kept: nothing more arrives.
    await ctx.expectSilence(puller, "anything arriving after the accepted messages (the refused one was not queued)");
  },
});
