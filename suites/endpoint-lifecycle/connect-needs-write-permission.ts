import { execFile } from "node:child_process";
import { onlyOnHarnessMachine } from "../../harness/model/remote-machine";
import { scenario } from "../../harness/model/scenario";
import { SILENCE_LIMIT_MS } from "../../harness/runner/limits";

/** The user a root harness drops to: nobody on Debian. */
const UNPRIVILEGED = { uid: 65534, gid: 65534 };

const MESSAGE = "through-the-locked-door";

export default scenario({
  id: "endpoint-lifecycle.connect-needs-write-permission",
  clause: "compat.os.connect-needs-write-permission",
  level: "COMPAT",
  title: "Connecting to a socket file the process may not write succeeds, delivers nothing, and delivers the queued message once the file becomes writable",
  requires: ["socket-file"],
  timeoutMs: 15_000,
  async run(ctx) {
    // Root passes every permission check: as root, the connecter runs in a child process as
    // nobody; otherwise the socket's owner itself loses the write bit (0555 refuses the owner too).
    const asRoot = (ctx.remote?.uid ?? process.getuid?.()) === 0;
    if (asRoot && ctx.remote !== undefined) ctx.skip(onlyOnHarnessMachine(ctx.remote, "a connecting process as another user than root"));
    const binder = await ctx.socket(ctx.impl, "PULL");
    await binder.bind(ctx.endpoint("guarded.sock"));
    const file = ctx.path("guarded.sock");
    ctx.check("what is at the bound path", await ctx.files.kind(file), "socket");
    if (asRoot) await ctx.files.chmod(ctx.dir, 0o711); // nobody may pass through, not list or write
    await ctx.files.chmod(file, 0o555);

    // The premise, from the kernel itself: a plain connect(2) as the connecting user is refused.
    const kernel = asRoot ? await plainConnect(file, UNPRIVILEGED, ctx.limit(5_000)) : await ctx.files.connect(file);
    ctx.observe("plain connect(2) by the connecting user to the 0555 socket file", kernel);
    if (kernel === "connected")
      ctx.skip(`${process.platform} lets a process connect to a socket file it may not write (unix(7): on some systems socket permissions are ignored)`);
    if (kernel !== "EACCES") throw new Error(`the connecting user cannot be set up: a plain connect(2) to ${file} gave ${kernel}, not EACCES`);

    const connecterImpl = asRoot ? await ctx.spawn(ctx.impl, UNPRIVILEGED) : ctx.impl;
    ctx.observe(
      "connected as",
      asRoot ? "uid 65534 (child process of a root harness)" : `uid ${ctx.remote?.uid ?? process.getuid?.()}, the socket file's owner`,
    );
    // linger 0: an implementation that never delivers must not hold the close up.
    const connecter = await ctx.socket(connecterImpl, "PUSH", { linger: 0 });
    await ctx.expectSuccess("connect to a socket file the process may not write (the connection is made later)", () =>
      connecter.connect(ctx.endpoint("guarded.sock")),
    );
    await ctx.expectSuccess("send on the connecting socket before any connection", () => connecter.send([MESSAGE]));
    // Long enough for a few refused reconnects at the default 100 ms interval.
    await ctx.expectSilence(binder, "a message at the binder while the socket file is not writable", 2 * SILENCE_LIMIT_MS);

    await ctx.files.chmod(file, 0o777);
    const frames = await ctx.receive(binder, "the queued message after the socket file became writable");
    ctx.check(
      "the message that arrived",
      frames.map((f) => f.toString()),
      [MESSAGE],
    );
    await ctx.expectSilence(binder, "a second copy of the message");
  },
});

/** Whether connect(2) as `user` (a child process of this root harness) reaches the socket: "connected" or the errno code. */
function plainConnect(file: string, user: { uid: number; gid: number }, limitMs: number): Promise<string> {
  const script = `
    const file = process.argv[1];
    try { require("fs").statSync(file); } catch (err) { console.log("stat " + err.code); process.exit(0); }
    const socket = require("net").connect(file);
    socket.on("connect", () => { console.log("connected"); socket.destroy(); });
    socket.on("error", (err) => console.log(err.code));`;
  return new Promise((resolve) => {
    execFile(process.execPath, ["-e", script, file], { timeout: limitMs, ...user }, (err, stdout) => {
      const answer = stdout.trim();
      resolve(answer !== "" ? answer : `no answer (${err?.message ?? "empty output"})`);
    });
  });
}
