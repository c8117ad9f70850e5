import { scenario } from "../../harness/model/scenario";
import { boundXpub, connected, expectPassedUp } from "./helpers";

/**
 * Two SUBs subscribe to the same topic: by default the XPUB passes the topic up once. The second
 * SUB's next subscription (to a topic sorting after it: libzmq resends a SUB's subscriptions in
 * byte order when it connects) travels behind it on the same connection, so it is what must come next.
 */
export default scenario({
  id: "subscriptions.xpub-passes-first-subscription-only",
  clause: "api.setsockopt.xpub-verbose-disabled",
  level: "MUST",
  title: "By default an XPUB passes a topic's subscription up once: a second SUB subscribing to it is not passed up",
  requires: ["pubsub"],
  async run(ctx) {
    const xpub = await boundXpub(ctx);
    const first = await connected(ctx, "SUB");
    await first.subscribe("news");
    await expectPassedUp(ctx, xpub, "the first SUB's subscription to news is passed up", true, "news");
    const second = await connected(ctx, "SUB");
    await second.subscribe("news");
    await second.subscribe("sync");
    await expectPassedUp(ctx, xpub, "after the second SUB's subscription to news, the next thing passed up is its subscription to sync", true, "sync");
  },
});
