import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-lifecycle.symlink-target-survives",
  // Overriding concerns existing bindings; a symbolic link to a user's file is not one.
  clause: "ipc.bind.override",
  level: "SHOULD",
  title: "Binding a path that is a symbolic link to a regular file never destroys the file it points to",
  requires: ["socket-file"],
  async run(ctx) {
    const target = ctx.path("target.txt");
    const link = ctx.path("link.sock");
    await ctx.files.writeFile(target, "user data");
    await ctx.files.symlink(target, link);
    const socket = await ctx.socket(ctx.impl, "PULL");
    const bind = await ctx.attempt(() => socket.bind(`ipc://${link}`));
    // What happens to the link itself is recorded only (libzmq unlinks it and binds there).
    ctx.observe("bind", bind.ok ? "success" : bind.code);
    ctx.observe("linkPathAfterBind", await ctx.files.kind(link));
    const kind = await ctx.files.kind(target);
    const content = kind === "file" ? (await ctx.files.readFile(target)).toString("utf8") : null;
    ctx.check(
      "the link's target after a bind on the link",
      content === "user data" ? "file intact" : `${kind}, data ${content === null ? "gone" : "changed"}`,
      "file intact",
    );
  },
});
