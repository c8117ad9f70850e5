import { scenario } from "../../harness/model/scenario";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";
import { abstractName } from "./names";

export default scenario({
  id: "abstract-namespace.rebind-after-close",
  clause: "ipc.bind.abstract",
  level: "MUST",
  title: "An abstract name can be bound again once its binder has closed",
  platforms: ["linux"],
  requires: ["abstract-namespace"],
  async run(ctx) {
    const endpoint = `ipc://@${abstractName(ctx, "again")}`;
    const first = await ctx.socket(ctx.impl, "PULL");
    await first.bind(endpoint);
    await first.close();
    // close() may finish releasing the name in the background (libzmq closes the listener on its
    // I/O thread): EADDRINUSE is retried until the limit, anything else is the verdict.
    const second = await ctx.socket(ctx.impl, "PULL");
    const deadline = Date.now() + ctx.limit(ARRIVAL_LIMIT_MS);
    let attempts = 0;
    for (;;) {
      attempts++;
      const bind = await ctx.attempt(() => second.bind(endpoint));
      if (bind.ok) break;
      if (bind.code !== "EADDRINUSE" || Date.now() > deadline) {
        ctx.check("bind of the name after its binder closed", `error ${bind.code}`, "success");
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    ctx.observe("bindAttempts", attempts);
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await pusher.connect(endpoint);
    await pusher.send(["second-owner"]);
    await ctx.expectMessage(second, "message to the new binder of the name", ["second-owner"]);
  },
});
