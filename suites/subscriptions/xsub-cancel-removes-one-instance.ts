import { scenario } from "../../harness/model/scenario";
import { showFrames } from "../../harness/runner/context";
import { nextSkippingProbes, publishUntilArrives, subscriptionMessage } from "./helpers";

/** The XSUB form of subscriptions-counted: two 0x01+news need two 0x00+news to undo. */
export default scenario({
  id: "subscriptions.xsub-cancel-removes-one-instance",
  clause: "zmtp.pubsub.additive",
  level: "MUST",
  title: "An XSUB that sent two subscriptions to a topic still gets it after one cancel message, and no longer after the second",
  requires: ["pubsub"],
  async run(ctx) {
    const pub = await ctx.socket(ctx.impl, "PUB");
    await pub.bind(ctx.endpoint("pub.sock"));
    const xsub = await ctx.socket(ctx.impl, "XSUB");
    await xsub.connect(ctx.endpoint("pub.sock"));
    await xsub.send([subscriptionMessage(true, "news")]);
    await xsub.send([subscriptionMessage(true, "news")]);
    await publishUntilArrives(ctx, pub, xsub, "news-probe", "the XSUB gets news");

    await xsub.send([subscriptionMessage(false, "news")]);
    await xsub.send([subscriptionMessage(true, "sync")]);
    await publishUntilArrives(ctx, pub, xsub, "sync-probe", "the XSUB gets sync, subscribed after the first cancel");
    await pub.send(["news-after-one-cancel"]);
    await pub.send(["sync-marker"]);
    const afterOne = await nextSkippingProbes(ctx, xsub, "the next message after one of two cancels of news");
    ctx.check("after one of two cancels of news, the next message", showFrames(afterOne), showFrames([Buffer.from("news-after-one-cancel")]));

    await xsub.send([subscriptionMessage(false, "news")]);
    await xsub.send([subscriptionMessage(true, "tick")]);
    await publishUntilArrives(ctx, pub, xsub, "tick-probe", "the XSUB gets tick, subscribed after the second cancel");
    await pub.send(["news-after-two-cancels"]);
    await pub.send(["tick-marker"]);
    const afterTwo = await nextSkippingProbes(ctx, xsub, "the next message after both cancels of news");
    ctx.check("after both cancels of news, the next message", showFrames(afterTwo), showFrames([Buffer.from("tick-marker")]));
  },
});
