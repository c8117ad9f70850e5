import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-lifecycle.disconnect-never-connected-enoent",
  clause: "api.disconnect.error.enoent",
  level: "MUST",
  title: "Disconnecting from an endpoint the socket never connected to fails with ENOENT",
  requires: ["unbind"],
  async run(ctx) {
    const socket = await ctx.socket(ctx.impl, "PUSH", { linger: 0 });
    await socket.connect(ctx.endpoint("connected.sock"));
    await ctx.expectError("disconnect from a path this socket never connected to", () => socket.disconnect(ctx.endpoint("never-connected.sock")), ["ENOENT"]);
  },
});
