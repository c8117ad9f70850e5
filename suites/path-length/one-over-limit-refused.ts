import { scenario } from "../../harness/model/scenario";
import { bytes, pathWithLongName } from "./support";

export default scenario({
  id: "path-length.one-over-limit-refused",
  clause: "compat.libzmq.path-length-bytes",
  level: "COMPAT",
  title: "Binding a path one byte longer than the maximum fails with ENAMETOOLONG",
  async run(ctx) {
    const tooLong = pathWithLongName(ctx, ctx.platform.maxPathBytes + 1);
    ctx.observe("path bytes", bytes(tooLong));
    const puller = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectError(`bind a ${ctx.platform.maxPathBytes + 1}-byte path`, () => puller.bind(`ipc://${tooLong}`), ["ENAMETOOLONG"]);
  },
});
