import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "path-length.one-byte-relative-path",
  exclusive: true,
  clause: "ipc.bind.pathname",
  level: "MUST",
  title: "A one-byte relative path binds in the working directory and a peer connecting to it is reached",
  async run(ctx) {
    // Process-global: the working directory, restored via ctx.defer after the sockets are closed.
    await ctx.chdir(ctx.dir);
    const puller = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectSuccess("bind ipc://s (one byte, relative)", () => puller.bind("ipc://s"));
    if (ctx.impl.capabilities.includes("socket-file")) {
      ctx.check("what is at s in the working directory", await ctx.files.kind(ctx.path("s")), "socket");
    }
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await ctx.expectSuccess("connect ipc://s", () => pusher.connect("ipc://s"));
    await pusher.send(["one-byte"]);
    await ctx.expectMessage(puller, "message through the one-byte path", ["one-byte"]);
  },
});
