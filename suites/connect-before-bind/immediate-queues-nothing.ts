import { scenario } from "../../harness/model/scenario";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";
import { sendWhenAccepted } from "./send-when-accepted";

export default scenario({
  id: "connect-before-bind.immediate-queues-nothing",
  clause: "compat.libzmq.connect-before-bind-queues",
  alsoChecks: ["api.setsockopt.immediate"],
  level: "COMPAT",
  title: "With immediate set, a send before any peer is connected fails with EAGAIN, and messages flow once the binder is there",
  requires: ["immediate"],
  async run(ctx) {
    const endpoint = ctx.endpoint("immediate.sock");
    const pusher = await ctx.socket(ctx.impl, "PUSH", { immediate: true, sendTimeout: 0 });
    await pusher.connect(endpoint);
    await ctx.expectError("send with immediate set before any binder exists", () => pusher.send(["refused"]), ["EAGAIN"]);
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(endpoint);
    // The pipe exists only once the connection is made: retry (sendTimeout 0) until it is.
    const attempts = await sendWhenAccepted(ctx, pusher, ["after-bind"], "send accepted once the binder is there", ARRIVAL_LIMIT_MS);
    ctx.observe("refusedSendsAfterBind", attempts - 1);
    // The refused message must not have been kept: the first thing to arrive is the later one.
    await ctx.expectMessage(puller, "first message at the binder (the refused one was not queued)", ["after-bind"]);
  },
});
