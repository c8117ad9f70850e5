import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "bind-override.regular-file-survives",
  clause: "ipc.bind.override",
  level: "SHOULD",
  title: "Binding where a regular file (not a binding) exists fails and leaves the file's data intact",
  requires: ["socket-file"],
  async run(ctx) {
    const file = ctx.path("precious.txt");
    await ctx.files.writeFile(file, "user data");
    const socket = await ctx.socket(ctx.impl, "PULL");
    const bind = await ctx.attempt(() => socket.bind(`ipc://${file}`));
    ctx.observe("bind", bind.ok ? "succeeded" : bind.code);
    const after = await ctx.files.kind(file);
    const content = after === "file" ? (await ctx.files.readFile(file)).toString("utf8") : null;
    ctx.check(
      "the regular file after a bind on its path",
      content === "user data" ? "file intact" : `${after}, data ${content === null ? "gone" : "changed"}`,
      "file intact",
    );
  },
});
