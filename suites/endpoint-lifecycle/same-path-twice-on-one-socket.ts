import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-lifecycle.same-path-twice-on-one-socket",
  clause: "ipc.bind.override",
  level: "MUST",
  title: "A socket may bind a path it has already bound: the second bind succeeds and a new peer reaches it",
  async run(ctx) {
    const endpoint = ctx.endpoint("twice.sock");
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(endpoint);
    const early = await ctx.socket(ctx.impl, "PUSH");
    await early.connect(endpoint);
    await early.send(["before-second-bind"]);
    await ctx.expectMessage(puller, "message from a peer before the second bind", ["before-second-bind"]);
    await ctx.expectSuccess("second bind of the same path on the same socket", () => puller.bind(endpoint));
    const late = await ctx.socket(ctx.impl, "PUSH");
    await late.connect(endpoint);
    await late.send(["after-second-bind"]);
    await ctx.expectMessage(puller, "message from a peer connecting after the second bind", ["after-second-bind"]);
    // Recorded: libzmq keeps the connection accepted before (compat.libzmq.override-keeps-accepted).
    await early.send(["early-peer-after-second-bind"]);
    const limit = ctx.limit(500);
    const kept = await ctx.attempt(() => puller.receive(limit));
    ctx.observe("the peer accepted before the second bind still delivers", kept.ok ? "yes" : `nothing within ${limit} ms`);
  },
});
