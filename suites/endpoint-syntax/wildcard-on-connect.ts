import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-syntax.wildcard-on-connect",
  exclusive: true,
  clause: "ipc.connect.pathname",
  level: "INFO",
  title: "Records what connect does with ipc://* (the wildcard is defined for bind only)",
  async run(ctx) {
    // Process-global: a literal reading of "*" is the relative path ./* in ctx.dir. Restored
    // afterwards (the runner closes the sockets before it runs deferred cleanups).
    await ctx.chdir(ctx.dir);

    const pusher = await ctx.socket(ctx.impl, "PUSH", { linger: 0, reconnectInterval: 10 });
    const connect = await ctx.attempt(() => pusher.connect("ipc://*"));
    ctx.observe("connect to ipc://*", connect.ok ? "success" : connect.code);
    ctx.observe("files created by the connect", await ctx.files.list(ctx.dir));
    if (!connect.ok) return;

    // Does the connect take "*" literally? Bind a socket at the path ./* (spelled absolutely,
    // so the binder does not read it as a wildcard) and see whether a message reaches it.
    const puller = await ctx.socket(ctx.impl, "PULL", { linger: 0 });
    const bind = await ctx.attempt(() => puller.bind(`ipc://${ctx.path("*")}`));
    ctx.observe("bind at the literal path ./*", bind.ok ? "success" : bind.code);
    if (!bind.ok) return;
    await pusher.send(["to-star"]);
    const limit = ctx.limit(500);
    const arrival = await ctx.attempt(() => puller.receive(limit));
    ctx.observe(
      "the connecting socket reached a binder at the literal path ./*",
      arrival.ok ? "yes: ipc://* on connect is the relative path *" : `no message within ${limit} ms`,
    );
  },
});
