import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "bind-override.across-processes",
  clause: "ipc.bind.override.second-process",
  level: "MUST",
  needs: ["harness-machine"],
  title: "A second process binding a path already bound by another process takes the new connections",
  requires: ["child-process"],
  timeoutMs: 15_000,
  async run(ctx) {
    const endpoint = ctx.endpoint("shared.sock");
    const other = await ctx.spawn();
    const firstInOther = await other.createSocket("PULL");
    await firstInOther.bind(endpoint);
    const second = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectSuccess("bind in this process over the other process's binding", () => second.bind(endpoint));
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await pusher.connect(endpoint);
    await pusher.send(["new-owner"]);
    await ctx.expectMessage(second, "the new binder in this process gets the new connection", ["new-owner"]);
  },
});
