import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-syntax.dot-dot-after-symlink-resolved-by-kernel",
  clause: "ipc.bind.pathname",
  alsoChecks: ["compat.libzmq.ipc-path-passed-as-written"],
  level: "MUST",
  title: "Binding <link>/../name creates the socket beside the link's target (the kernel's reading), not beside the link",
  requires: ["socket-file"],
  async run(ctx) {
    // link -> real/inner: the kernel resolves link/.. to real; cancelling "link/.." as text gives ctx.dir.
    await ctx.files.mkdir(ctx.path("real", "inner"), { recursive: true });
    await ctx.files.symlink(ctx.path("real", "inner"), ctx.path("link"));
    const puller = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectSuccess("bind ipc://<dir>/link/../e.sock", () => puller.bind(`ipc://${ctx.dir}/link/../e.sock`));
    ctx.check("what is at <dir>/real/e.sock (the parent of the link's target)", await ctx.files.kind(ctx.path("real", "e.sock")), "socket");
    ctx.check("what is at <dir>/e.sock (beside the link)", await ctx.files.kind(ctx.path("e.sock")), "absent");
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await pusher.connect(ctx.endpoint("real", "e.sock"));
    await pusher.send(["via-the-target"]);
    await ctx.expectMessage(puller, "message from a peer connecting to <dir>/real/e.sock", ["via-the-target"]);
  },
});
