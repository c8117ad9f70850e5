import { scenario } from "../../harness/model/scenario";
import { abstractName } from "./names";

export default scenario({
  id: "abstract-namespace.second-bind-refused",
  clause: "ipc.bind.abstract.no-override",
  alsoChecks: ["api.bind.error.eaddrinuse"],
  level: "MUST",
  title: "Binding an abstract name that is already bound fails with EADDRINUSE and the first binder keeps it",
  platforms: ["linux"],
  requires: ["abstract-namespace"],
  async run(ctx) {
    const endpoint = `ipc://@${abstractName(ctx, "taken")}`;
    const first = await ctx.socket(ctx.impl, "PULL");
    await first.bind(endpoint);
    const second = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectError("second bind of the same abstract name", () => second.bind(endpoint), ["EADDRINUSE"]);
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await pusher.connect(endpoint);
    await pusher.send(["still-first"]);
    await ctx.expectMessage(first, "a new peer still reaches the first binder", ["still-first"]);
  },
});
