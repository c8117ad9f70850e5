import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-lifecycle.absolute-last-endpoint-as-bound",
  clause: "api.getsockopt.last-endpoint",
  alsoChecks: ["api.getsockopt.last-endpoint.format"],
  level: "MUST",
  title: "After binding an absolute path, lastEndpoint is exactly the endpoint that was bound",
  requires: ["last-endpoint"],
  async run(ctx) {
    const endpoint = ctx.endpoint("absolute.sock");
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(endpoint);
    ctx.check("lastEndpoint after binding an absolute path", await puller.lastEndpoint(), endpoint);
  },
});
