import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "bind-override.closing-first-keeps-second-working",
  clause: "ipc.bind.override",
  level: "MUST",
  title: "Closing the overridden first binder leaves the second binder's socket file in place and reachable",
  async run(ctx) {
    const endpoint = ctx.endpoint("shared.sock");
    const first = await ctx.socket(ctx.impl, "PULL");
    const second = await ctx.socket(ctx.impl, "PULL");
    await first.bind(endpoint);
    await second.bind(endpoint);
    await first.close();
    ctx.check("what is at the path after the first binder closed", await ctx.files.kind(ctx.path("shared.sock")), "socket");
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await pusher.connect(endpoint);
    await pusher.send(["still-there"]);
    await ctx.expectMessage(second, "second binder reachable after the first closed", ["still-there"]);
  },
});
