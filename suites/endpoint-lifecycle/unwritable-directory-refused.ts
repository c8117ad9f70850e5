import { scenario } from "../../harness/model/scenario";

/** The user a root harness drops to: nobody on Debian. */
const UNPRIVILEGED = { uid: 65534, gid: 65534 };

export default scenario({
  id: "endpoint-lifecycle.unwritable-directory-refused",
  clause: "ipc.bind.writable",
  alsoChecks: ["compat.libzmq.bind-errno-passthrough"],
  level: "MUST",
  needs: ["harness-machine"],
  title: "Binding in a directory the process cannot write fails with EACCES and creates nothing",
  requires: ["child-process"],
  timeoutMs: 15_000,
  async run(ctx) {
    // Root writes anywhere: as root, the binder runs in a child process as nobody.
    const asRoot = process.getuid?.() === 0;
    const locked = ctx.path("locked");
    await ctx.files.mkdir(locked, { mode: 0o755 });
    if (asRoot) {
      await ctx.files.chmod(ctx.dir, 0o711); // nobody may pass through, not list or write
    } else {
      await ctx.files.chmod(locked, 0o555);
      ctx.defer(() => ctx.files.chmod(locked, 0o755));
    }
    const binderImpl = asRoot ? await ctx.spawn(ctx.impl, UNPRIVILEGED) : ctx.impl;
    const socket = await ctx.socket(binderImpl, "PULL");
    ctx.observe("bound as", asRoot ? "uid 65534 (child process of a root harness)" : `uid ${process.getuid?.()}`);
    await ctx.expectError("bind in a directory the process cannot write", () => socket.bind(`ipc://${locked}/denied.sock`), ["EACCES"]);
    ctx.check("entries left in the unwritable directory", await ctx.files.list(locked), []);
  },
});
