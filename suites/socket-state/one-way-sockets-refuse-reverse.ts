import { scenario } from "../../harness/model/scenario";
import { publishUntilReceived } from "../interop/helpers";
import { callMissing, expectRefusal } from "./helpers";

/**
 * The four one-way types, connected and carrying traffic: each refuses the direction it lacks
 * with ENOTSUP (zeromq.js does not even offer the call), and the traffic goes on unaffected.
 */
export default scenario({
  id: "socket-state.one-way-sockets-refuse-reverse",
  clause: "api.send.error.enotsup",
  alsoChecks: ["api.recv.error.enotsup", "api.socket.send-not-implemented", "api.socket.recv-not-implemented", "api.socket.pub-recv-not-implemented"],
  level: "MUST",
  title: "Connected and in use, a PULL and a SUB fail a send, a PUSH and a PUB a receive, with ENOTSUP, and messages still flow PUSH to PULL and PUB to SUB",
  requires: ["pubsub"],
  async run(ctx) {
    const push = await ctx.socket(ctx.impl, "PUSH");
    await push.bind(ctx.endpoint("pipeline.sock"));
    const pull = await ctx.socket(ctx.impl, "PULL");
    await pull.connect(ctx.endpoint("pipeline.sock"));
    const pub = await ctx.socket(ctx.impl, "PUB");
    await pub.bind(ctx.endpoint("pubsub.sock"));
    const sub = await ctx.socket(ctx.impl, "SUB");
    await sub.connect(ctx.endpoint("pubsub.sock"));
    await sub.subscribe("news");
    await push.send(["before"]);
    await ctx.expectMessage(pull, "the PULL receives the PUSH's message", ["before"]);
    await publishUntilReceived(ctx, pub, sub, "news", "the SUB receives the PUB's message");

    await expectRefusal(ctx, "send on the connected PULL", callMissing(ctx, pull, "send"), "ENOTSUP");
    await expectRefusal(ctx, "receive on the connected PUSH", callMissing(ctx, push, "receive"), "ENOTSUP");
    await expectRefusal(ctx, "send on the connected SUB", callMissing(ctx, sub, "send"), "ENOTSUP");
    await expectRefusal(ctx, "receive on the connected PUB", callMissing(ctx, pub, "receive"), "ENOTSUP");

    await push.send(["after"]);
    await ctx.expectMessage(pull, "after the refusals the PULL receives the PUSH's next message", ["after"]);
    await pub.send(["news-after"]);
    for (;;) {
      const frames = (await ctx.receive(sub, "after the refusals the SUB receives the PUB's next message")).map(String);
      if (frames[0]?.startsWith("news-probe-")) continue; // a probe still in flight
      ctx.check("after the refusals the SUB receives the PUB's next message", frames.join("+"), "news-after");
      break;
    }
  },
});
