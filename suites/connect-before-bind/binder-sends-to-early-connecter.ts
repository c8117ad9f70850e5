import { scenario } from "../../harness/model/scenario";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";

export default scenario({
  id: "connect-before-bind.binder-sends-to-early-connecter",
  clause: "api.connect.order-independent",
  level: "SHOULD",
  title: "A binder that binds after its peer connected can send to that peer",
  async run(ctx) {
    const endpoint = ctx.endpoint("downstream.sock");
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.connect(endpoint);
    // A bound PUSH waits for a peer before it can send; bounded so a missing peer is a verdict, not a hang.
    const pusher = await ctx.socket(ctx.impl, "PUSH", { sendTimeout: ctx.limit(ARRIVAL_LIMIT_MS) });
    await pusher.bind(endpoint);
    await ctx.expectSuccess("send from the binder to the peer that connected first", () => pusher.send(["downstream"]));
    await ctx.expectMessage(puller, "message at the early connecter", ["downstream"]);
  },
});
