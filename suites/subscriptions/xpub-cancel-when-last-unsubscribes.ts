import { scenario } from "../../harness/model/scenario";
import { boundXpub, connected, expectPassedUp } from "./helpers";

export default scenario({
  id: "subscriptions.xpub-cancel-when-last-unsubscribes",
  clause: "api.setsockopt.xpub-verboser-disabled",
  alsoChecks: ["api.setsockopt.xpub-verbose-disabled"],
  level: "MUST",
  title: "Two SUBs subscribed to a topic: the XPUB passes its cancel up when the second unsubscribes, not the first",
  requires: ["pubsub"],
  async run(ctx) {
    const xpub = await boundXpub(ctx);
    const first = await connected(ctx, "SUB");
    await first.subscribe("news");
    await expectPassedUp(ctx, xpub, "the first SUB's subscription to news is passed up", true, "news");
    const second = await connected(ctx, "SUB");
    await second.subscribe("news");
    await second.subscribe("sync");
    await expectPassedUp(ctx, xpub, "the second SUB's subscription to news is not passed up: next is its subscription to sync", true, "sync");

    await first.unsubscribe("news");
    await first.subscribe("tick");
    await expectPassedUp(
      ctx,
      xpub,
      "after the first SUB unsubscribes from news (the second still holds it), the next thing passed up is its subscription to tick",
      true,
      "tick",
    );
    await second.unsubscribe("news");
    await expectPassedUp(ctx, xpub, "when the second SUB unsubscribes from news, the cancel is passed up", false, "news");
  },
});
