import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-syntax.uppercase-scheme",
  clause: "ipc.endpoint.scheme",
  level: "INFO",
  title: "Records whether the transport name is case-sensitive (IPC:// instead of ipc://)",
  async run(ctx) {
    const endpoint = `IPC://${ctx.path("upper.sock")}`;
    const binder = await ctx.socket(ctx.impl, "PULL", { linger: 0 });
    const bind = await ctx.attempt(() => binder.bind(endpoint));
    const connecter = await ctx.socket(ctx.impl, "PUSH", { linger: 0 });
    const connect = await ctx.attempt(() => connecter.connect(endpoint));
    ctx.observe("bind to IPC://<path>", bind.ok ? "success" : bind.code);
    ctx.observe("connect to IPC://<path>", connect.ok ? "success" : connect.code);
    ctx.observe("files in the scenario directory", await ctx.files.list(ctx.dir));
    if (!bind.ok || !connect.ok) return;
    await connecter.send(["upper"]);
    const limit = ctx.limit(500);
    const arrival = await ctx.attempt(() => binder.receive(limit));
    ctx.observe("message through IPC:// endpoints", arrival.ok ? "delivered" : `nothing within ${limit} ms`);
  },
});
