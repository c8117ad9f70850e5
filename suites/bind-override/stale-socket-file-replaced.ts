import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "bind-override.stale-socket-file-replaced",
  clause: "ipc.bind.override",
  level: "MUST",
  title: "A stale socket file left by a dead binder does not prevent a new bind, which then takes connections",
  async run(ctx) {
    const path = ctx.path("stale.sock");
    // A socket file nobody listens on.
    await ctx.files.staleSocket(path);
    ctx.check("precondition: a stale socket file at the path", await ctx.files.kind(path), "socket");
    const puller = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectSuccess("bind over the stale socket file", () => puller.bind(`ipc://${path}`));
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await pusher.connect(`ipc://${path}`);
    await pusher.send(["fresh"]);
    await ctx.expectMessage(puller, "message through the new binding", ["fresh"]);
  },
});
