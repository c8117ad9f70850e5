import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "bind-override.first-keeps-established-connections",
  clause: "compat.libzmq.override-keeps-accepted",
  level: "COMPAT",
  title: "After an override the first binder keeps the connections it had already accepted",
  async run(ctx) {
    const endpoint = ctx.endpoint("shared.sock");
    const first = await ctx.socket(ctx.impl, "PULL");
    await first.bind(endpoint);
    const early = await ctx.socket(ctx.impl, "PUSH");
    await early.connect(endpoint);
    await early.send(["before"]);
    await ctx.expectMessage(first, "first binder receives from its peer", ["before"]);
    const second = await ctx.socket(ctx.impl, "PULL");
    await second.bind(endpoint);
    await early.send(["after"]);
    await ctx.expectMessage(first, "first binder still receives on the connection it accepted before the override", ["after"]);
  },
});
