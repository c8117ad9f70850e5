import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-lifecycle.unbind-stops-new-connections",
  clause: "api.unbind.endpoint",
  level: "MUST",
  title: "After unbinding a path, a peer connecting to it delivers nothing to the socket that unbound it",
  requires: ["unbind"],
  async run(ctx) {
    const path = ctx.path("unbound.sock");
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(`ipc://${path}`);
    await ctx.expectSuccess("unbind of the bound path", () => puller.unbind(`ipc://${path}`));
    // Recorded, not judged: libzmq >= 4.2.3 leaves the socket file, the reference removes its own.
    ctx.observe("pathAfterUnbind", await ctx.files.kind(path));
    // linger 0: its message can never be delivered, and libzmq's context would wait for it at exit.
    const pusher = await ctx.socket(ctx.impl, "PUSH", { linger: 0 });
    await pusher.connect(`ipc://${path}`);
    await pusher.send(["after-unbind"]);
    await ctx.expectSilence(puller, "anything reaching the socket that unbound the path");
  },
});
