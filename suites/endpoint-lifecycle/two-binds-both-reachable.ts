import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-lifecycle.two-binds-both-reachable",
  clause: "api.bind.accepts-connections",
  level: "MUST",
  title: "A socket bound to two paths accepts connections on both: a peer of each reaches it",
  async run(ctx) {
    const puller = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectSuccess("bind the first path", () => puller.bind(ctx.endpoint("first.sock")));
    await ctx.expectSuccess("bind the second path", () => puller.bind(ctx.endpoint("second.sock")));
    for (const name of ["first.sock", "second.sock"]) {
      const pusher = await ctx.socket(ctx.impl, "PUSH");
      await pusher.connect(ctx.endpoint(name));
      await pusher.send([`via ${name}`]);
      await ctx.expectMessage(puller, `message from a peer of ${name}`, [`via ${name}`]);
    }
  },
});
