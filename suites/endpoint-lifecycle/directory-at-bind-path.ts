import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-lifecycle.directory-at-bind-path",
  clause: "compat.libzmq.directory-at-bind-path",
  alsoChecks: ["api.bind.error.eaddrinuse"],
  level: "COMPAT",
  title: "Binding a path where a directory exists fails with EADDRINUSE and leaves the directory and its contents alone",
  requires: ["socket-file"],
  async run(ctx) {
    const dir = ctx.path("a-directory");
    await ctx.files.mkdir(dir);
    await ctx.files.writeFile(ctx.path("a-directory", "inside.txt"), "kept");
    const socket = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectError("bind where a directory exists", () => socket.bind(`ipc://${dir}`), ["EADDRINUSE"]);
    ctx.check("what is at the path afterwards", await ctx.files.kind(dir), "directory");
    ctx.check("the directory's contents afterwards", await ctx.files.list(dir), ["inside.txt"]);
  },
});
