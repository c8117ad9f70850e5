import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "bind-override.rebind-after-close",
  clause: "ipc.bind.pathname",
  level: "MUST",
  title: "A path can be bound again after its binder closed",
  async run(ctx) {
    const endpoint = ctx.endpoint("again.sock");
    const first = await ctx.socket(ctx.impl, "PULL");
    await first.bind(endpoint);
    await first.close();
    const second = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectSuccess("bind after the first binder closed", () => second.bind(endpoint));
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await pusher.connect(endpoint);
    await pusher.send(["hello-again"]);
    await ctx.expectMessage(second, "message to the new binder", ["hello-again"]);
  },
});
