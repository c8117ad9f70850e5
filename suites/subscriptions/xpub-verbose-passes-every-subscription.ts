import { scenario } from "../../harness/model/scenario";
import { boundXpub, connected, expectPassedUp } from "./helpers";

export default scenario({
  id: "subscriptions.xpub-verbose-passes-every-subscription",
  clause: "api.setsockopt.xpub-verbose-enabled",
  level: "MUST",
  title: 'An XPUB with ZMQ_XPUB_VERBOSE (verbosity "allSubs") passes up every SUB\'s subscription to a topic, the second one included',
  requires: ["pubsub"],
  async run(ctx) {
    const xpub = await boundXpub(ctx, { verbosity: "allSubs" });
    const first = await connected(ctx, "SUB");
    await first.subscribe("news");
    await expectPassedUp(ctx, xpub, "the first SUB's subscription to news is passed up", true, "news");
    const second = await connected(ctx, "SUB");
    await second.subscribe("news");
    await second.subscribe("sync");
    await expectPassedUp(ctx, xpub, "the second SUB's subscription to news is passed up too", true, "news");
    await expectPassedUp(ctx, xpub, "then its subscription to sync", true, "sync");
  },
});
