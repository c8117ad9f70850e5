import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "socket-state.dealer-dealer-unrestricted",
  clause: "reqrep.double-queue",
  level: "SHOULD",
  title: "Two DEALERs each send twice in a row and each receive twice in a row: no alternation is imposed",
  requires: ["reqrep"],
  async run(ctx) {
    const bound = await ctx.socket(ctx.impl, "DEALER");
    await bound.bind(ctx.endpoint("dealer.sock"));
    const connecting = await ctx.socket(ctx.impl, "DEALER");
    await connecting.connect(ctx.endpoint("dealer.sock"));
    await ctx.expectSuccess("the connecting DEALER's first send", () => connecting.send(["c1"]));
    await ctx.expectSuccess("its second send, with nothing received between", () => connecting.send(["c2"]));
    await ctx.expectMessage(bound, "the bound DEALER receives the first", ["c1"]);
    await ctx.expectMessage(bound, "and the second", ["c2"]);
    await ctx.expectSuccess("the bound DEALER's first send", () => bound.send(["b1"]));
    await ctx.expectSuccess("its second send, with nothing received between", () => bound.send(["b2"]));
    await ctx.expectMessage(connecting, "the connecting DEALER receives the first", ["b1"]);
    await ctx.expectMessage(connecting, "and the second", ["b2"]);
  },
});
