import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "socket-state.dealer-router-unrestricted",
  clause: "reqrep.double-queue",
  level: "SHOULD",
  title:
    "A DEALER sends twice in a row and a ROUTER receives twice, then the ROUTER sends twice in a row and the DEALER receives twice: no alternation is imposed",
  requires: ["reqrep"],
  async run(ctx) {
    const router = await ctx.socket(ctx.impl, "ROUTER");
    await router.bind(ctx.endpoint("router.sock"));
    const dealer = await ctx.socket(ctx.impl, "DEALER", { routingId: "dealer" });
    await dealer.connect(ctx.endpoint("router.sock"));
    await ctx.expectSuccess("the DEALER's first send", () => dealer.send(["d1"]));
    await ctx.expectSuccess("the DEALER's second send, with nothing received between", () => dealer.send(["d2"]));
    await ctx.expectMessage(router, "the ROUTER receives the first", ["dealer", "d1"]);
    await ctx.expectMessage(router, "and, with nothing sent between, the second", ["dealer", "d2"]);
    await ctx.expectSuccess("the ROUTER's first send", () => router.send(["dealer", "r1"]));
    await ctx.expectSuccess("the ROUTER's second send, with nothing received between", () => router.send(["dealer", "r2"]));
    await ctx.expectMessage(dealer, "the DEALER receives the first", ["r1"]);
    await ctx.expectMessage(dealer, "and the second", ["r2"]);
  },
});
