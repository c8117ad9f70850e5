import { scenario } from "../../harness/model/scenario";
import { bytes } from "../path-length/support";

export default scenario({
  id: "endpoint-syntax.spelled-path-over-limit-refused",
  clause: "compat.libzmq.path-length-bytes",
  alsoChecks: ["compat.libzmq.ipc-path-passed-as-written"],
  level: "COMPAT",
  title: "A path one byte over the limit is refused with ENAMETOOLONG although // or /./ or sub/../ in it would normalise away",
  async run(ctx) {
    const total = ctx.platform.maxPathBytes + 1;
    await ctx.files.mkdir(ctx.path("sub"));
    const puller = await ctx.socket(ctx.impl, "PULL");
    // The bytes counted are the bytes written: libzmq's strlen, before the kernel resolves anything.
    for (const padding of ["//", "/./", "/sub/../"]) {
      const prefix = `${ctx.dir}${padding}`;
      const room = total - bytes(prefix);
      if (room < 1 || room > 200) ctx.skip(`cannot build a ${total}-byte path under ${ctx.dir}`);
      const spelled = `${prefix}${"n".repeat(room)}`;
      await ctx.expectError(`bind a ${bytes(spelled)}-byte path spelled with ${padding}`, () => puller.bind(`ipc://${spelled}`), ["ENAMETOOLONG"]);
    }
    ctx.check("entries left in the scenario directory", await ctx.files.list(ctx.dir), ["sub"]);
  },
});
