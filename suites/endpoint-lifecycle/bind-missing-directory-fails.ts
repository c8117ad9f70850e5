import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-lifecycle.bind-missing-directory-fails",
  clause: "ipc.bind.missing-directory",
  level: "MUST",
  title: "Binding a path in a directory that does not exist fails and creates no directory",
  async run(ctx) {
    const socket = await ctx.socket(ctx.impl, "PULL");
    const bind = await ctx.attempt(() => socket.bind(ctx.endpoint("no-such-dir", "x.sock")));
    ctx.observe("bind", bind.ok ? "success" : bind.code);
    ctx.check("bind in a directory that does not exist", bind.ok ? "success" : "failed", "failed");
    ctx.check("what is at the missing directory's path afterwards", await ctx.files.kind(ctx.path("no-such-dir")), "absent");
  },
});
