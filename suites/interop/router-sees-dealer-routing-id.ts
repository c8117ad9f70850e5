import { scenario } from "../../harness/model/scenario";
import { connectPair } from "./helpers";

export default scenario({
  id: "interop.router-sees-dealer-routing-id",
  clause: "compat.libzmq.ready-properties",
  alsoChecks: ["api.setsockopt.routing-id"],
  level: "COMPAT",
  title: "A ROUTER gets a DEALER's routingId (sent as the Identity property) as the first frame of its messages",
  roles: "pair",
  requires: ["reqrep"],
  async run(ctx) {
    const { bound: router, connected: dealer } = await connectPair(ctx, "ROUTER", "DEALER", { connecter: { routingId: "dealer-7" } });
    await dealer.send(["from-dealer-7"]);
    await ctx.expectMessage(router, "ROUTER receives [the DEALER's routingId, body]", ["dealer-7", "from-dealer-7"]);
    await router.send(["dealer-7", "to-dealer-7"]);
    await ctx.expectMessage(dealer, "the DEALER receives what the ROUTER addressed to its routingId", ["to-dealer-7"]);
  },
});
