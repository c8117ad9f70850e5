import { scenario } from "../../harness/model/scenario";
import { bindWildcard, listing, makeDirectory, setTempVariables, settle } from "./support";

export default scenario({
  id: "wildcard.close-removes-file-and-directory",
  exclusive: true,
  clause: "compat.libzmq.wildcard-cleanup",
  level: "COMPAT",
  title: "Closing a socket bound to ipc://* removes the generated socket file and its directory",
  requires: ["wildcard", "last-endpoint", "socket-file"],
  async run(ctx) {
    const tmpdir = await makeDirectory(ctx, "tmpdir");
    // process.env (JS and C views): restored via ctx.defer.
    await setTempVariables(ctx, { TMPDIR: tmpdir, TEMPDIR: null, TMP: null });
    const puller = await ctx.socket(ctx.impl, "PULL");
    const { socketPath } = await bindWildcard(ctx, puller);
    ctx.check("precondition: what is at the generated path while bound", await ctx.files.kind(socketPath), "socket");
    await puller.close();
    // libzmq removes them on its I/O thread after close() returns: wait for it, then look.
    await settle(ctx, async () => (await ctx.files.tree(tmpdir)).length === 0);
    ctx.check("what is at the generated socket path after close", await ctx.files.kind(socketPath), "absent");
    ctx.check("what the wildcard bind left in TMPDIR after close", listing(await ctx.files.tree(tmpdir)), "none");
  },
});
