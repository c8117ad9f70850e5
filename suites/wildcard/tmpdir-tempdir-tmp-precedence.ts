import { scenario } from "../../harness/model/scenario";
import { bindWildcard, makeDirectory, parentNamed, setTempVariables } from "./support";

export default scenario({
  id: "wildcard.tmpdir-tempdir-tmp-precedence",
  exclusive: true,
  clause: "compat.libzmq.wildcard-tmpdir-precedence",
  level: "COMPAT",
  title: "ipc://* generates its path under TMPDIR, else TEMPDIR, else TMP",
  requires: ["wildcard", "last-endpoint"],
  async run(ctx) {
    const dirs = { TMPDIR: await makeDirectory(ctx, "tmpdir"), TEMPDIR: await makeDirectory(ctx, "tempdir"), TMP: await makeDirectory(ctx, "tmp") };
    // Each step changes process.env (JS and C views); all restored via ctx.defer.
    await setTempVariables(ctx, { TMPDIR: dirs.TMPDIR, TEMPDIR: dirs.TEMPDIR, TMP: dirs.TMP });
    const first = await ctx.socket(ctx.impl, "PULL");
    const all = await bindWildcard(ctx, first, "bind ipc://* with TMPDIR, TEMPDIR and TMP set");
    ctx.observe("with all three set", all.endpoint);
    ctx.check("the variable whose directory holds the path, with TMPDIR, TEMPDIR and TMP set", parentNamed(all, dirs), "TMPDIR");

    await setTempVariables(ctx, { TMPDIR: null, TEMPDIR: dirs.TEMPDIR, TMP: dirs.TMP });
    const second = await ctx.socket(ctx.impl, "PULL");
    const noTmpdir = await bindWildcard(ctx, second, "bind ipc://* with TEMPDIR and TMP set");
    ctx.observe("with TEMPDIR and TMP set", noTmpdir.endpoint);
    ctx.check("the variable whose directory holds the path, with TEMPDIR and TMP set", parentNamed(noTmpdir, dirs), "TEMPDIR");

    await setTempVariables(ctx, { TMPDIR: null, TEMPDIR: null, TMP: dirs.TMP });
    const third = await ctx.socket(ctx.impl, "PULL");
    const onlyTmp = await bindWildcard(ctx, third, "bind ipc://* with only TMP set");
    ctx.observe("with only TMP set", onlyTmp.endpoint);
    ctx.check("the variable whose directory holds the path, with only TMP set", parentNamed(onlyTmp, dirs), "TMP");
  },
});
