import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "socket-state.pair-unrestricted",
  clause: "pair.double-queue",
  level: "SHOULD",
  title: "Two PAIRs send twice in a row and receive in any interleaving (one receives, sends twice, then receives again): no alternation is imposed",
  async run(ctx) {
    const bound = await ctx.socket(ctx.impl, "PAIR");
    await bound.bind(ctx.endpoint("pair.sock"));
    const connecting = await ctx.socket(ctx.impl, "PAIR");
    await connecting.connect(ctx.endpoint("pair.sock"));
    await ctx.expectSuccess("the connecting PAIR's first send", () => connecting.send(["c1"]));
    await ctx.expectSuccess("its second send, with nothing received between", () => connecting.send(["c2"]));
    await ctx.expectMessage(bound, "the bound PAIR receives the first", ["c1"]);
    await ctx.expectSuccess("the bound PAIR's first send, with the second message still waiting", () => bound.send(["b1"]));
    await ctx.expectSuccess("its second send, with nothing received between", () => bound.send(["b2"]));
    await ctx.expectMessage(bound, "the bound PAIR then receives the second", ["c2"]);
    await ctx.expectMessage(connecting, "the connecting PAIR receives the first", ["b1"]);
    await ctx.expectMessage(connecting, "and the second", ["b2"]);
  },
});
