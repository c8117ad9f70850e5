import { scenario } from "../../harness/model/scenario";
import { bindWildcard, listing, setTempVariables, settle } from "./support";

/** What ipc://* appends to TMPDIR: "/tmpXXXXXX/socket". */
const GENERATED_SUFFIX_BYTES = "/tmpXXXXXX/socket".length;

export default scenario({
  id: "wildcard.too-long-tmpdir-refused",
  exclusive: true,
  clause: "compat.libzmq.path-length-bytes",
  level: "COMPAT",
  title: "ipc://* under a TMPDIR that makes the generated path one byte too long fails with ENAMETOOLONG and leaves nothing there",
  requires: ["wildcard", "last-endpoint", "socket-file"],
  async run(ctx) {
    // Two TMPDIRs: one whose generated path is exactly the limit (control), one a byte longer.
    const padding = ctx.platform.maxPathBytes - GENERATED_SUFFIX_BYTES - Buffer.byteLength(ctx.dir) - 1;
    if (padding < 2) ctx.skip(`the scenario directory ${ctx.dir} leaves no room below the ${ctx.platform.maxPathBytes}-byte limit`);
    const fits = ctx.path("d".repeat(padding));
    const tooLong = ctx.path("d".repeat(padding + 1));
    await ctx.files.mkdir(fits);
    await ctx.files.mkdir(tooLong);

    // process.env (JS and C views): restored via ctx.defer.
    await setTempVariables(ctx, { TMPDIR: fits, TEMPDIR: null, TMP: null });
    const control = await ctx.socket(ctx.impl, "PULL");
    const atLimit = await bindWildcard(ctx, control, `control: bind ipc://* where the generated path is exactly ${ctx.platform.maxPathBytes} bytes`);
    ctx.observe("at the limit", atLimit.endpoint);

    await setTempVariables(ctx, { TMPDIR: tooLong, TEMPDIR: null, TMP: null });
    const refused = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectError(`bind ipc://* where the generated path would be ${ctx.platform.maxPathBytes + 1} bytes`, () => refused.bind("ipc://*"), [
      "ENAMETOOLONG",
    ]);
    await settle(ctx, async () => (await ctx.files.tree(tooLong)).length === 0, 200);
    ctx.check("what the refused wildcard bind left in its TMPDIR", listing(await ctx.files.tree(tooLong)), "none");
  },
});
