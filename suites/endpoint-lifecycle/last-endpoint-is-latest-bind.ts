import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-lifecycle.last-endpoint-is-latest-bind",
  clause: "api.getsockopt.last-endpoint",
  level: "MUST",
  title: "With three paths bound in turn, lastEndpoint names the one bound last after each bind",
  requires: ["last-endpoint"],
  async run(ctx) {
    const puller = await ctx.socket(ctx.impl, "PULL");
    for (const name of ["one.sock", "two.sock", "three.sock"]) {
      await puller.bind(ctx.endpoint(name));
      ctx.check(`lastEndpoint after binding ${name}`, await puller.lastEndpoint(), ctx.endpoint(name));
    }
  },
});
