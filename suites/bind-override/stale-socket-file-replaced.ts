import * as fs from "node:fs";
import * as net from "node:net";
import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "bind-override.stale-socket-file-replaced",
  clause: "ipc.bind.override",
  level: "MUST",
  title: "A stale socket file left by a dead binder does not prevent a new bind, which then takes connections",
  async run(ctx) {
    const path = ctx.path("stale.sock");
    // A socket file nobody listens on: bound with node:net, then the handle closed without
    // unlinking (libuv unlinks on close, so we re-create the file with a raw listen + rename).
    await new Promise<void>((resolve, reject) => {
      const server = net.createServer();
      server.once("error", reject);
      server.listen(ctx.path("tmp.sock"), () => {
        fs.renameSync(ctx.path("tmp.sock"), path);
        server.close(() => resolve());
      });
    });
    ctx.check("precondition: a stale socket file at the path", ctx.fileKind(path), "socket");
    const puller = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectSuccess("bind over the stale socket file", () => puller.bind(`ipc://${path}`));
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await pusher.connect(`ipc://${path}`);
    await pusher.send(["fresh"]);
    await ctx.expectMessage(puller, "message through the new binding", ["fresh"]);
  },
});
