import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-lifecycle.close-socket-file",
  clause: "compat.libzmq.close-leaves-socket-file",
  // Recorded only: libzmq >= 4.2.3 leaves the file, 3.2.x-4.2.2 and the reference remove it (the
  // reference only while the file is still its own), and the spec says neither.
  level: "INFO",
  title: "Records whether closing a socket bound to a path leaves the socket file on disk",
  requires: ["socket-file"],
  async run(ctx) {
    const path = ctx.path("closed.sock");
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(`ipc://${path}`);
    ctx.observe("pathWhileBound", await ctx.files.kind(path));
    await puller.close();
    // As soon as close() returned; an implementation that removes the file later shows "socket".
    ctx.observe("pathAfterClose", await ctx.files.kind(path));
  },
});
