import { scenario } from "../../harness/model/scenario";
import { bindWildcard, makeDirectory, parentNamed, setTempVariables } from "./support";

export default scenario({
  id: "wildcard.tmpdir-not-a-directory-skipped",
  exclusive: true,
  clause: "compat.libzmq.wildcard-tmpdir-precedence",
  level: "COMPAT",
  title: "A TMPDIR naming a regular file or nothing is passed over for TEMPDIR",
  requires: ["wildcard", "last-endpoint"],
  async run(ctx) {
    const file = ctx.path("regular-file");
    await ctx.files.writeFile(file, "not a directory");
    const dirs = { TEMPDIR: await makeDirectory(ctx, "tempdir"), TMP: await makeDirectory(ctx, "tmp") };
    // process.env (JS and C views): restored via ctx.defer.
    await setTempVariables(ctx, { TMPDIR: file, TEMPDIR: dirs.TEMPDIR, TMP: dirs.TMP });
    const first = await ctx.socket(ctx.impl, "PULL");
    const overFile = await bindWildcard(ctx, first, "bind ipc://* with TMPDIR naming a regular file");
    ctx.observe("TMPDIR is a regular file", overFile.endpoint);
    ctx.check("the variable whose directory holds the path, when TMPDIR is a regular file", parentNamed(overFile, { ...dirs, TMPDIR: file }), "TEMPDIR");

    await setTempVariables(ctx, { TMPDIR: ctx.path("missing"), TEMPDIR: dirs.TEMPDIR, TMP: dirs.TMP });
    const second = await ctx.socket(ctx.impl, "PULL");
    const overMissing = await bindWildcard(ctx, second, "bind ipc://* with TMPDIR naming nothing");
    ctx.observe("TMPDIR does not exist", overMissing.endpoint);
    ctx.check(
      "the variable whose directory holds the path, when TMPDIR does not exist",
      parentNamed(overMissing, { ...dirs, TMPDIR: ctx.path("missing") }),
      "TEMPDIR",
    );
    ctx.check("what is at the TMPDIR path that did not exist, afterwards", await ctx.files.kind(ctx.path("missing")), "absent");
  },
});
