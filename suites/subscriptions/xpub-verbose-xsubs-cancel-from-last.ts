import { scenario } from "../../harness/model/scenario";
import { boundXpub, connected, expectPassedUp, expectPassedUpInAnyOrder, subscriptionMessage } from "./helpers";

/**
 * ZMQ_XPUB_VERBOSE passes every subscription up, and leaves cancels as they were (only the last
 * one, ZMQ_XPUB_VERBOSER is what passes them all): two XSUBs, as in a proxy's upstream side.
 */
export default scenario({
  id: "subscriptions.xpub-verbose-xsubs-cancel-from-last",
  clause: "api.setsockopt.xpub-verbose-enabled",
  alsoChecks: ["api.setsockopt.xpub-verboser-disabled", "pubsub.xpub.disconnect-unsubscribe"],
  level: "MUST",
  title: "A verbose XPUB passes up both XSUBs' subscriptions to a topic, but its cancel only when the last of them leaves",
  requires: ["pubsub"],
  async run(ctx) {
    const xpub = await boundXpub(ctx, { verbosity: "allSubs" });
    const first = await connected(ctx, "XSUB");
    await first.send([subscriptionMessage(true, "news")]);
    await expectPassedUp(ctx, xpub, "the first XSUB's subscription to news is passed up", true, "news");
    const second = await connected(ctx, "XSUB");
    await second.send([subscriptionMessage(true, "news")]);
    await second.send([subscriptionMessage(true, "sync")]);
    await expectPassedUp(ctx, xpub, "the second XSUB's subscription to news is passed up too", true, "news");
    await expectPassedUp(ctx, xpub, "then its subscription to sync", true, "sync");

    await first.send([subscriptionMessage(false, "news")]);
    await first.send([subscriptionMessage(true, "tick")]);
    await expectPassedUp(
      ctx,
      xpub,
      "after the first XSUB cancels news (the second still holds it), the next thing passed up is its subscription to tick",
      true,
      "tick",
    );

    await second.close();
    await expectPassedUpInAnyOrder(ctx, xpub, "when the second XSUB leaves, the cancels of the topics it was last to hold (news, sync)", [
      [false, "news"],
      [false, "sync"],
    ]);
  },
});
