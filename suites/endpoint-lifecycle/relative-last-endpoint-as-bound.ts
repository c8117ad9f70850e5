import { scenario } from "../../harness/model/scenario";
import { inWorkingDirectory } from "./working-directory";

export default scenario({
  id: "endpoint-lifecycle.relative-last-endpoint-as-bound",
  exclusive: true,
  clause: "compat.libzmq.last-endpoint-as-bound",
  level: "COMPAT",
  title: "After binding a relative path, lastEndpoint is that relative endpoint exactly (not made absolute)",
  requires: ["last-endpoint"],
  async run(ctx) {
    const puller = await ctx.socket(ctx.impl, "PULL");
    await inWorkingDirectory(ctx, ctx.dir, () => puller.bind("ipc://rel.sock"));
    ctx.check("lastEndpoint after binding ipc://rel.sock", await puller.lastEndpoint(), "ipc://rel.sock");
  },
});
