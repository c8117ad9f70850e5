import { scenario } from "../../harness/model/scenario";
import { abstractName } from "./names";

export default scenario({
  id: "abstract-namespace.last-endpoint-keeps-at",
  clause: "compat.libzmq.last-endpoint-as-bound",
  level: "COMPAT",
  title: "After binding ipc://@name, lastEndpoint is exactly ipc://@name",
  platforms: ["linux"],
  requires: ["abstract-namespace", "last-endpoint"],
  async run(ctx) {
    const endpoint = `ipc://@${abstractName(ctx, "last")}`;
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(endpoint);
    ctx.check("lastEndpoint after binding an abstract name", await puller.lastEndpoint(), endpoint);
  },
});
