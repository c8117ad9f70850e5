import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "abstract-namespace.empty-name-einval",
  clause: "compat.libzmq.empty-path-einval",
  level: "COMPAT",
  title: "ipc://@ (an empty abstract name) is refused with EINVAL on bind and on connect",
  platforms: ["linux"],
  requires: ["abstract-namespace"],
  async run(ctx) {
    const puller = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectError("bind ipc://@", () => puller.bind("ipc://@"), ["EINVAL"]);
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await ctx.expectError("connect ipc://@", () => pusher.connect("ipc://@"), ["EINVAL"]);
  },
});
