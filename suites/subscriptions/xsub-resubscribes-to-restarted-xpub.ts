import { scenario } from "../../harness/model/scenario";
import { showFrames } from "../../harness/runner/context";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";
import { expectPassedUp, subscriptionMessage } from "./helpers";

/**
 * The XPUB's receive() shows what reaches the publisher: after the first XPUB at the path closes
 * and a second binds it, the reconnected XSUB's subscriptions must arrive there by themselves.
 * Meanwhile the XSUB is kept in use, as an application reading from it would: libzmq (and JeroMQ)
 * do a socket's work, the resend after a reconnect included, only inside a call on that socket,
 * so an XSUB nobody calls resends nothing.
 */
export default scenario({
  id: "subscriptions.xsub-resubscribes-to-restarted-xpub",
  clause: "compat.libzmq.resubscribe-on-reconnect",
  alsoChecks: ["compat.libzmq.rebind-followers"],
  level: "COMPAT",
  title: "An XSUB whose XPUB closes sends its subscriptions to the next XPUB to bind the same path without being asked again",
  requires: ["pubsub"],
  async run(ctx) {
    const endpoint = ctx.endpoint("xpub.sock");
    const xsub = await ctx.socket(ctx.impl, "XSUB");
    await xsub.connect(endpoint);
    await xsub.send([subscriptionMessage(true, "news")]);
    const firstXpub = await ctx.socket(ctx.impl, "XPUB");
    await firstXpub.bind(endpoint);
    await expectPassedUp(ctx, firstXpub, "the first XPUB receives the XSUB's subscription to news", true, "news");
    await firstXpub.close();

    const secondXpub = await ctx.socket(ctx.impl, "XPUB");
    await ctx.expectSuccess("a second XPUB binds the same path", () => secondXpub.bind(endpoint));
    const what = "the second XPUB receives the reconnected XSUB's subscription to news";
    const limit = ctx.limit(ARRIVAL_LIMIT_MS);
    const deadline = Date.now() + limit;
    for (;;) {
      await ctx.attempt(() => xsub.receive(ctx.limit(10))); // nothing is published: only keeps the XSUB at work
      const passedUp = await ctx.attempt(() => secondXpub.receive(ctx.limit(10)));
      if (passedUp.ok) {
        ctx.check(what, showFrames(passedUp.value), showFrames([subscriptionMessage(true, "news")]));
        break;
      }
      if (Date.now() > deadline) ctx.check(what, `nothing within ${limit} ms`, "a message");
    }
  },
});
