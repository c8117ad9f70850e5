import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-lifecycle.connect-to-regular-file",
  clause: "ipc.connect.pathname-bound",
  level: "MUST",
  title: "Connecting to a path that is a regular file establishes nothing, leaves the file alone and does not break the implementation",
  async run(ctx) {
    const file = ctx.path("plain.txt");
    await ctx.files.writeFile(file, "not a socket");
    // sendTimeout 0: a send must return whether or not the implementation queues it; linger 0:
    // nothing will ever take it, and libzmq's context would wait for it at exit.
    const pusher = await ctx.socket(ctx.impl, "PUSH", { sendTimeout: 0, linger: 0 });
    const connect = await ctx.attempt(() => pusher.connect(`ipc://${file}`));
    ctx.observe("connect", connect.ok ? "success" : connect.code);
    const send = await ctx.attempt(() => pusher.send(["into-a-file"]));
    ctx.observe("send", send.ok ? "queued" : send.code);
    const kind = await ctx.files.kind(file);
    const content = kind === "file" ? (await ctx.files.readFile(file)).toString("utf8") : null;
    ctx.check(
      "the regular file after a connect to it and a send",
      content === "not a socket" ? "file intact" : `${kind}, data ${content === null ? "gone" : "changed"}`,
      "file intact",
    );
    // Still alive: a fresh pair of the same implementation works.
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(ctx.endpoint("real.sock"));
    const other = await ctx.socket(ctx.impl, "PUSH");
    await other.connect(ctx.endpoint("real.sock"));
    await other.send(["still-working"]);
    await ctx.expectMessage(puller, "a fresh pair delivers afterwards", ["still-working"]);
  },
});
