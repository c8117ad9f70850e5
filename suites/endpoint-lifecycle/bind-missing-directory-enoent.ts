import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-lifecycle.bind-missing-directory-enoent",
  clause: "compat.libzmq.bind-errno-passthrough",
  level: "COMPAT",
  title: "Binding a path in a directory that does not exist fails with ENOENT, as bind(2) reports it",
  async run(ctx) {
    const socket = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectError("bind in a directory that does not exist", () => socket.bind(ctx.endpoint("no-such-dir", "x.sock")), ["ENOENT"]);
  },
});
