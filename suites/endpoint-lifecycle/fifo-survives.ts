import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-lifecycle.fifo-survives",
  // Overriding concerns existing bindings; a FIFO someone else made is not one.
  clause: "ipc.bind.override",
  level: "SHOULD",
  title: "Binding a path where a FIFO exists leaves the FIFO in place",
  requires: ["socket-file"],
  async run(ctx) {
    const fifo = ctx.path("a-fifo");
    try {
      await ctx.files.mkfifo(fifo);
    } catch (err) {
      ctx.skip(`mkfifo is not available: ${(err as Error).message}`);
    }
    const socket = await ctx.socket(ctx.impl, "PULL");
    const bind = await ctx.attempt(() => socket.bind(`ipc://${fifo}`));
    ctx.observe("bind", bind.ok ? "success" : bind.code);
    ctx.check("what is at the FIFO's path after a bind on it", await ctx.files.kind(fifo), "fifo");
  },
});
