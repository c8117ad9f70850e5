import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "connect-before-bind.connect-to-missing-path-succeeds",
  clause: "compat.libzmq.connect-missing-path-succeeds",
  level: "COMPAT",
  title: "Connecting to a path nobody has bound returns at once with success and creates nothing at the path",
  async run(ctx) {
    const path = ctx.path("nobody-here.sock");
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    const started = performance.now();
    const connect = await ctx.attempt(() => pusher.connect(`ipc://${path}`));
    const elapsedMs = Math.round(performance.now() - started);
    ctx.observe("connectMs", elapsedMs);
    ctx.check("connect to a path that does not exist", connect.ok ? "success" : `error ${connect.code}`, "success");
    // "At once": well before a first reconnect interval (100 ms by default) could have passed.
    ctx.check("time connect() took to return", elapsedMs, (ms) => ms < ctx.limit(100), `under ${ctx.limit(100)} ms`);
    // libzmq's connect never touches the filesystem (src/ipc_connecter.cpp).
    ctx.check("what is at the path after connect", await ctx.files.kind(path), "absent");
  },
});
