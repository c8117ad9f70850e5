import { scenario } from "../../harness/model/scenario";
import { abstractName } from "./names";

export default scenario({
  id: "abstract-namespace.bind-and-deliver",
  clause: "ipc.bind.abstract",
  alsoChecks: ["api.bind.accepts-connections"],
  level: "MUST",
  title: "ipc://@name binds in the abstract namespace and a peer connecting to the same name delivers",
  platforms: ["linux"],
  requires: ["abstract-namespace"],
  async run(ctx) {
    const endpoint = `ipc://@${abstractName(ctx, "deliver")}`;
    const puller = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectSuccess("bind an abstract name", () => puller.bind(endpoint));
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await pusher.connect(endpoint);
    await pusher.send(["abstract-hello"]);
    await ctx.expectMessage(puller, "message through the abstract name", ["abstract-hello"]);
  },
});
