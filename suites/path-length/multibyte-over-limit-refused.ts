import { scenario } from "../../harness/model/scenario";
import { bytes, checkNothingCreated, multibytePath } from "./support";

export default scenario({
  id: "path-length.multibyte-over-limit-refused",
  clause: "compat.libzmq.path-length-bytes",
  level: "COMPAT",
  title: "A path with fewer characters than the maximum but one byte too many in UTF-8 fails with ENAMETOOLONG and creates nothing",
  async run(ctx) {
    const { path: tooLong } = multibytePath(ctx, ctx.platform.maxPathBytes + 1);
    ctx.observe("path bytes", bytes(tooLong));
    ctx.observe("path characters", [...tooLong].length);
    const before = await ctx.files.tree(ctx.dir);
    const puller = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectError(`bind a path of ${[...tooLong].length} characters and ${bytes(tooLong)} bytes`, () => puller.bind(`ipc://${tooLong}`), [
      "ENAMETOOLONG",
    ]);
    if (ctx.impl.capabilities.includes("socket-file")) await checkNothingCreated(ctx, tooLong, before);
  },
});
