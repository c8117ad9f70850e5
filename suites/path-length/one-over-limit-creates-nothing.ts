import { scenario } from "../../harness/model/scenario";
import { bytes, checkNothingCreated, pathWithLongName } from "./support";

export default scenario({
  id: "path-length.one-over-limit-creates-nothing",
  clause: "ipc.bind.pathname",
  alsoChecks: ["ipc.bind.pathname-unique-valid"],
  level: "MUST",
  title: "A bind of a path one byte over the maximum creates nothing on disk: neither that path nor a truncated one",
  requires: ["socket-file"],
  async run(ctx) {
    // Node 20's listen() silently cuts such a path to fit sun_path and binds THAT name: a
    // different pathname from the one the endpoint names.
    const tooLong = pathWithLongName(ctx, ctx.platform.maxPathBytes + 1);
    const before = await ctx.files.tree(ctx.dir);
    const puller = await ctx.socket(ctx.impl, "PULL");
    const bind = await ctx.attempt(() => puller.bind(`ipc://${tooLong}`));
    ctx.observe("bind", bind.ok ? "succeeded" : bind.code);
    ctx.observe("path bytes", bytes(tooLong));
    await checkNothingCreated(ctx, tooLong, before);
  },
});
