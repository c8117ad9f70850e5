import { scenario } from "../../harness/model/scenario";
import { boundXpub, connected, expectPassedUp, expectPassedUpInAnyOrder } from "./helpers";

/**
 * A subscriber that leaves cancels, for the XPUB's application, the topics it was the last to
 * hold, and only those: the first SUB alone held "solo", so its cancel is what comes when it
 * closes; news, still held by the second SUB, must not be cancelled then (libzmq passes up all of
 * a departing peer's cancels at once, so anything wrong is there before the marker that follows).
 */
export default scenario({
  id: "subscriptions.xpub-cancel-when-last-disconnects",
  clause: "pubsub.xpub.disconnect-unsubscribe",
  alsoChecks: ["api.setsockopt.xpub-verboser-disabled", "api.setsockopt.xpub-verbose-disabled"],
  level: "SHOULD",
  title: "A SUB that disconnects makes the XPUB pass up the cancels of the topics only it held, and those of a shared topic only when the last holder goes",
  requires: ["pubsub"],
  async run(ctx) {
    const xpub = await boundXpub(ctx);
    const first = await connected(ctx, "SUB");
    await first.subscribe("news");
    await first.subscribe("solo");
    await expectPassedUp(ctx, xpub, "the first SUB's subscription to news is passed up", true, "news");
    await expectPassedUp(ctx, xpub, "then its subscription to solo", true, "solo");
    const second = await connected(ctx, "SUB");
    await second.subscribe("news");
    await second.subscribe("sync");
    await expectPassedUp(ctx, xpub, "the second SUB's subscription to news is not passed up: next is its subscription to sync", true, "sync");

    await first.close();
    await expectPassedUp(
      ctx,
      xpub,
      "when the first SUB disconnects, the cancel of solo (which only it held) is passed up, and not that of news",
      false,
      "solo",
    );
    await second.subscribe("tick");
    await expectPassedUp(ctx, xpub, "nothing else came of the first SUB's departure: next is the second SUB's subscription to tick", true, "tick");

    await second.close();
    await expectPassedUpInAnyOrder(ctx, xpub, "when the second SUB disconnects, the cancels of news, sync and tick", [
      [false, "news"],
      [false, "sync"],
      [false, "tick"],
    ]);
  },
});
