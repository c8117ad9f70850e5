import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "bind-override.connected-peers-follow-new-owner",
  clause: "compat.libzmq.rebind-followers",
  level: "COMPAT",
  title: "A connected peer whose binder goes away reconnects to whoever binds the path next",
  async run(ctx) {
    const endpoint = ctx.endpoint("moving.sock");
    const first = await ctx.socket(ctx.impl, "PULL");
    await first.bind(endpoint);
    const pusher = await ctx.socket(ctx.impl, "PUSH", { reconnectInterval: 20 });
    await pusher.connect(endpoint);
    await pusher.send(["one"]);
    await ctx.expectMessage(first, "first binder receives", ["one"]);
    await first.close();
    const second = await ctx.socket(ctx.impl, "PULL");
    await second.bind(endpoint);
    // A probe sent before the pusher notices the first binder is gone may die with that
    // connection: the requirement is that the peer gets to the new owner, so probe until it does.
    await ctx.probeUntilReceived(pusher, second, "the connected peer reaches the new binder");
  },
});
