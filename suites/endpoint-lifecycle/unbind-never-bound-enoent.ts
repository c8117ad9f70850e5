import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-lifecycle.unbind-never-bound-enoent",
  clause: "api.unbind.error.enoent",
  level: "MUST",
  title: "Unbinding an endpoint the socket never bound fails with ENOENT",
  requires: ["unbind"],
  async run(ctx) {
    const socket = await ctx.socket(ctx.impl, "PULL");
    await socket.bind(ctx.endpoint("bound.sock"));
    await ctx.expectError("unbind of a path this socket never bound", () => socket.unbind(ctx.endpoint("never-bound.sock")), ["ENOENT"]);
  },
});
