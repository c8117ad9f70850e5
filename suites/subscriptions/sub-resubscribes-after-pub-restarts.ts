import { scenario } from "../../harness/model/scenario";
import { showFrames } from "../../harness/runner/context";
import { nextSkippingProbes, publishUntilArrives } from "./helpers";

/**
 * The SUB connects and subscribes once. The PUB bound at the path closes and a new PUB binds the
 * same path: the SUB must reconnect and send its subscription again, since the new PUB, which
 * filters, knows nothing of it. Probes carry the publisher's number, so none of the first PUB's
 * can pass for the second's.
 */
export default scenario({
  id: "subscriptions.sub-resubscribes-after-pub-restarts",
  clause: "compat.libzmq.resubscribe-on-reconnect",
  alsoChecks: ["compat.libzmq.rebind-followers"],
  level: "COMPAT",
  title: "A SUB whose PUB closes gets its topic from the next PUB to bind the same path without subscribing again, and still only its topic",
  requires: ["pubsub"],
  async run(ctx) {
    const endpoint = ctx.endpoint("pub.sock");
    const sub = await ctx.socket(ctx.impl, "SUB");
    await sub.connect(endpoint);
    await sub.subscribe("news");
    const firstPub = await ctx.socket(ctx.impl, "PUB");
    await firstPub.bind(endpoint);
    await publishUntilArrives(ctx, firstPub, sub, "news-probe-1", "the SUB gets the first PUB's news");
    await firstPub.close();

    const secondPub = await ctx.socket(ctx.impl, "PUB");
    await ctx.expectSuccess("a second PUB binds the same path", () => secondPub.bind(endpoint));
    await publishUntilArrives(ctx, secondPub, sub, "news-probe-2", "the SUB gets the second PUB's news, without subscribing again");
    await secondPub.send(["other"]);
    await secondPub.send(["news-after-restart"]);
    const next = await nextSkippingProbes(ctx, sub, "the next message after one on a topic the SUB never subscribed to");
    ctx.check("the second PUB filters by the resent subscription: the next message", showFrames(next), showFrames([Buffer.from("news-after-restart")]));
  },
});
