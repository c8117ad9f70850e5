import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "connect-before-bind.binder-in-another-process",
  clause: "api.connect.order-independent",
  level: "SHOULD",
  needs: ["harness-machine"],
  title: "A socket that connected first reaches a binder that another process binds afterwards",
  requires: ["child-process"],
  timeoutMs: 15_000,
  async run(ctx) {
    const endpoint = ctx.endpoint("cross.sock");
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await pusher.connect(endpoint);
    const other = await ctx.spawn();
    const puller = await other.createSocket("PULL");
    await ctx.expectSuccess("bind in the other process after the connect", () => puller.bind(endpoint));
    await pusher.send(["across-processes"]);
    await ctx.expectMessage(puller, "message at the binder in the other process", ["across-processes"]);
  },
});
