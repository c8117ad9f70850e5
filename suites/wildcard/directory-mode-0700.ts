import * as path from "node:path";
import { scenario } from "../../harness/model/scenario";
import { bindWildcard, makeDirectory, setTempVariables } from "./support";

export default scenario({
  id: "wildcard.directory-mode-0700",
  exclusive: true,
  clause: "compat.libzmq.wildcard-tmpdir-precedence",
  level: "COMPAT",
  title: "The directory ipc://* creates is private to the user (mode 0700, as mkdtemp makes it)",
  requires: ["wildcard", "last-endpoint", "socket-file"],
  async run(ctx) {
    const tmpdir = await makeDirectory(ctx, "tmpdir");
    // process.env (JS and C views): restored via ctx.defer.
    await setTempVariables(ctx, { TMPDIR: tmpdir, TEMPDIR: null, TMP: null });
    const puller = await ctx.socket(ctx.impl, "PULL");
    const { socketPath } = await bindWildcard(ctx, puller);
    const directory = path.dirname(socketPath);
    ctx.check(
      "the generated socket's directory is one the bind created, not TMPDIR itself",
      directory === tmpdir ? "TMPDIR itself" : await ctx.files.kind(directory),
      "directory",
    );
    const mode = `0${((await ctx.files.mode(directory)) & 0o777).toString(8)}`;
    ctx.observe("directory mode", mode);
    ctx.check("permission bits of the generated directory", mode, "0700");
  },
});
