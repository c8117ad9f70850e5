import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-lifecycle.same-path-twice-unbind-once",
  clause: "api.unbind.endpoint",
  alsoChecks: ["api.unbind.error.enoent"],
  level: "MUST",
  title: "A path bound twice by one socket is unbound by one unbind: no new peer reaches it, and a second unbind fails with ENOENT",
  requires: ["unbind"],
  async run(ctx) {
    const endpoint = ctx.endpoint("twice.sock");
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(endpoint);
    await ctx.expectSuccess("second bind of the same path on the same socket", () => puller.bind(endpoint));
    await ctx.expectSuccess("unbind of the path", () => puller.unbind(endpoint));
    const pusher = await ctx.socket(ctx.impl, "PUSH", { linger: 0 });
    await pusher.connect(endpoint);
    await pusher.send(["after-unbind"]);
    await ctx.expectSilence(puller, "anything from a peer connecting after the unbind");
    await ctx.expectError("a second unbind of the path", () => puller.unbind(endpoint), ["ENOENT"]);
  },
});
