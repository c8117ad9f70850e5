import { scenario } from "../../harness/model/scenario";
import { showFrames } from "../../harness/runner/context";
import { nextSkippingProbes, publishUntilArrives } from "./helpers";

/**
 * Subscribed twice to news, a SUB unsubscribes once: news must still arrive; after the second
 * unsubscribe it must not. Each step is followed by a subscription to a new topic and a probe on
 * it, which arrives only once everything sent before it on the connection has taken effect.
 */
export default scenario({
  id: "subscriptions.sub-unsubscribe-removes-one-instance",
  clause: "api.setsockopt.unsubscribe-one-instance",
  alsoChecks: ["zmtp.pubsub.additive"],
  level: "MUST",
  title: "A SUB subscribed twice to a topic still gets it after one ZMQ_UNSUBSCRIBE, and no longer after the second",
  requires: ["pubsub"],
  async run(ctx) {
    const pub = await ctx.socket(ctx.impl, "PUB");
    await pub.bind(ctx.endpoint("pub.sock"));
    const sub = await ctx.socket(ctx.impl, "SUB");
    await sub.connect(ctx.endpoint("pub.sock"));
    await sub.subscribe("news");
    await sub.subscribe("news");
    await publishUntilArrives(ctx, pub, sub, "news-probe", "the SUB gets news");

    await sub.unsubscribe("news");
    await sub.subscribe("sync");
    await publishUntilArrives(ctx, pub, sub, "sync-probe", "the SUB gets sync, subscribed after the first unsubscribe");
    await pub.send(["news-after-one-unsubscribe"]);
    await pub.send(["sync-marker"]);
    const afterOne = await nextSkippingProbes(ctx, sub, "the next message after one of two unsubscribes from news");
    ctx.check("after one of two unsubscribes from news, the next message", showFrames(afterOne), showFrames([Buffer.from("news-after-one-unsubscribe")]));

    await sub.unsubscribe("news");
    await sub.subscribe("tick");
    await publishUntilArrives(ctx, pub, sub, "tick-probe", "the SUB gets tick, subscribed after the second unsubscribe");
    await pub.send(["news-after-two-unsubscribes"]);
    await pub.send(["tick-marker"]);
    const afterTwo = await nextSkippingProbes(ctx, sub, "the next message after both unsubscribes from news");
    ctx.check("after both unsubscribes from news, the next message", showFrames(afterTwo), showFrames([Buffer.from("tick-marker")]));
  },
});
