import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "bind-override.second-bind-takes-new-connections",
  clause: "ipc.bind.override",
  level: "MUST",
  title: "A second bind to a bound path succeeds, and a peer connecting afterwards reaches the second binder",
  async run(ctx) {
    const endpoint = ctx.endpoint("shared.sock");
    const first = await ctx.socket(ctx.impl, "PULL");
    const second = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectSuccess("first bind", () => first.bind(endpoint));
    await ctx.expectSuccess("second bind of the same path", () => second.bind(endpoint));
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await pusher.connect(endpoint);
    await pusher.send(["to-whoever-owns-the-path"]);
    await ctx.expectMessage(second, "message from a peer connecting after the override, at the second binder", ["to-whoever-owns-the-path"]);
  },
});
