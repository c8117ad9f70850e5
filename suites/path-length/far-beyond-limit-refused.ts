import { scenario } from "../../harness/model/scenario";
import { bytes, checkNothingCreated, pathInLongDirectories } from "./support";

const FAR_BEYOND_BYTES = 500;

export default scenario({
  id: "path-length.far-beyond-limit-refused",
  clause: "compat.libzmq.path-length-bytes",
  level: "COMPAT",
  title: "Binding a 500-byte path in existing directories fails with ENAMETOOLONG and creates nothing",
  async run(ctx) {
    // Real directories: the only thing wrong with the path is its length.
    const tooLong = await pathInLongDirectories(ctx, FAR_BEYOND_BYTES, "far.sock");
    ctx.observe("path bytes", bytes(tooLong));
    const before = await ctx.files.tree(ctx.dir);
    const puller = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectError(`bind a ${FAR_BEYOND_BYTES}-byte path`, () => puller.bind(`ipc://${tooLong}`), ["ENAMETOOLONG"]);
    if (ctx.impl.capabilities.includes("socket-file")) await checkNothingCreated(ctx, tooLong, before);
  },
});
