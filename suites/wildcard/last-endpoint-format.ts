import * as path from "node:path";
import { scenario } from "../../harness/model/scenario";
import { bindWildcard, makeDirectory, setTempVariables } from "./support";

/** A literal string inside a RegExp. */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export default scenario({
  id: "wildcard.last-endpoint-format",
  exclusive: true,
  clause: "compat.libzmq.last-endpoint-as-bound",
  level: "COMPAT",
  title: "After binding ipc://* ZMQ_LAST_ENDPOINT is ipc://<TMPDIR>/tmpXXXXXX/socket and that socket file exists",
  requires: ["wildcard", "last-endpoint", "socket-file"],
  async run(ctx) {
    const tmpdir = await makeDirectory(ctx, "tmpdir");
    // process.env (JS and C views): restored via ctx.defer.
    await setTempVariables(ctx, { TMPDIR: tmpdir, TEMPDIR: null, TMP: null });
    const puller = await ctx.socket(ctx.impl, "PULL");
    const { endpoint, socketPath } = await bindWildcard(ctx, puller);
    ctx.observe("lastEndpoint", endpoint);
    const pattern = new RegExp(`^ipc://${escape(tmpdir)}/tmp[A-Za-z0-9]{6}/socket$`);
    ctx.check("ZMQ_LAST_ENDPOINT after binding ipc://* with TMPDIR set", endpoint, (value) => pattern.test(value), `ipc://${tmpdir}/tmpXXXXXX/socket`);
    ctx.check("what is at the generated directory", await ctx.files.kind(path.dirname(socketPath)), "directory");
    ctx.check("what is at the generated socket path", await ctx.files.kind(socketPath), "socket");
  },
});
