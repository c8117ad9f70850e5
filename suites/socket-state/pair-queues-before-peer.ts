import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "socket-state.pair-queues-before-peer",
  clause: "pair.double-queue",
  level: "SHOULD",
  title: "A PAIR connected before its peer binds queues two sends in a row, and after the peer's two replies in a row receives both",
  async run(ctx) {
    const connecting = await ctx.socket(ctx.impl, "PAIR");
    await connecting.connect(ctx.endpoint("pair.sock"));
    await ctx.expectSuccess("the first send, before any peer", () => connecting.send(["early-1"]));
    await ctx.expectSuccess("the second send, before any peer and with nothing received", () => connecting.send(["early-2"]));
    const bound = await ctx.socket(ctx.impl, "PAIR");
    await bound.bind(ctx.endpoint("pair.sock"));
    await ctx.expectMessage(bound, "the PAIR that bound later receives the first", ["early-1"]);
    await ctx.expectMessage(bound, "and the second", ["early-2"]);
    await ctx.expectSuccess("its first reply", () => bound.send(["reply-1"]));
    await ctx.expectSuccess("its second reply, with nothing received between", () => bound.send(["reply-2"]));
    await ctx.expectMessage(connecting, "the early PAIR receives the first reply", ["reply-1"]);
    await ctx.expectMessage(connecting, "and the second", ["reply-2"]);
  },
});
