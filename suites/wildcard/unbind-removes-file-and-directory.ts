import { scenario } from "../../harness/model/scenario";
import { bindWildcard, listing, makeDirectory, setTempVariables, settle } from "./support";

export default scenario({
  id: "wildcard.unbind-removes-file-and-directory",
  exclusive: true,
  clause: "compat.libzmq.wildcard-cleanup",
  level: "COMPAT",
  title: "Unbinding a wildcard binding removes the generated socket file and its directory",
  requires: ["wildcard", "last-endpoint", "socket-file", "unbind"],
  async run(ctx) {
    const tmpdir = await makeDirectory(ctx, "tmpdir");
    // process.env (JS and C views): restored via ctx.defer.
    await setTempVariables(ctx, { TMPDIR: tmpdir, TEMPDIR: null, TMP: null });
    const puller = await ctx.socket(ctx.impl, "PULL");
    const { endpoint, socketPath } = await bindWildcard(ctx, puller);
    ctx.check("precondition: what is at the generated path while bound", await ctx.files.kind(socketPath), "socket");
    await ctx.expectSuccess("unbind with the ZMQ_LAST_ENDPOINT value", () => puller.unbind(endpoint));
    // libzmq removes them on its I/O thread after unbind returns: wait for it, then look.
    await settle(ctx, async () => (await ctx.files.tree(tmpdir)).length === 0);
    ctx.check("what is at the generated socket path after unbind", await ctx.files.kind(socketPath), "absent");
    ctx.check("what the wildcard bind left in TMPDIR after unbind (socket still open)", listing(await ctx.files.tree(tmpdir)), "none");
  },
});
