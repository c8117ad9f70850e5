import { scenario } from "../../harness/model/scenario";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";
import { sendWhenAccepted } from "../connect-before-bind/send-when-accepted";
import { describeSequence, exactly, numbered, receiveNumbered } from "../delivery/sequence";

const COUNT = 10;

export default scenario({
  id: "options.immediate-round-robin-skips-unconnected",
  clause: "api.setsockopt.immediate",
  level: "MUST",
  title:
    "With immediate, a PUSH connected to an unbound path and to a bound PULL sends every message to the PULL: none is queued for the connection that never completes",
  requires: ["immediate"],
  async run(ctx) {
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(ctx.endpoint("bound.sock"));
    const pusher = await ctx.socket(ctx.impl, "PUSH", { immediate: true, sendTimeout: 0 });
    // First in the round-robin: the endpoint nobody binds. Without immediate, every other message
    // would wait in its queue for ever (zmq_setsockopt(3): "lost" messages with round-robin routing).
    await pusher.connect(ctx.endpoint("unbound.sock"));
    await pusher.connect(ctx.endpoint("bound.sock"));
    await sendWhenAccepted(ctx, pusher, [numbered("rr", 0)], "the first send, once the PULL's connection is complete", ARRIVAL_LIMIT_MS);
    for (let n = 1; n < COUNT; n++) {
      const sent = await ctx.attempt(() => pusher.send([numbered("rr", n)]));
      if (!sent.ok) ctx.check(`send ${n} with a completed connection there`, `error ${sent.code}`, "accepted");
    }
    const received = await receiveNumbered(ctx, puller, "rr", COUNT);
    ctx.check("messages the bound PULL receives", describeSequence(received, COUNT), exactly(COUNT));
  },
});
