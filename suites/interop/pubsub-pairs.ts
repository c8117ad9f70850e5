import type { SocketType } from "../../harness/model/implementation";
import { scenario, type Scenario } from "../../harness/model/scenario";
import { showFrames } from "../../harness/runner/context";
import { connectPair, publishUntilReceived, receiveSkipping, subscriberControl, subscriptionMessage } from "./helpers";

interface PubSubPair {
  readonly publisher: Extract<SocketType, "PUB" | "XPUB">;
  readonly subscriber: Extract<SocketType, "SUB" | "XSUB">;
}

/**
 * The publisher binds, the subscriber connects and subscribes to "mark" and "news". Filtering,
 * then a cancelled subscription, are shown with a marker on a topic still subscribed: published
 * after the filtered message, it must be the next thing to arrive. Subscriptions travel in
 * order on the one connection, so once a probe on a topic subscribed later arrives, everything
 * subscribed or cancelled before it is in effect.
 */
function pubsubScenario({ publisher, subscriber }: PubSubPair): Scenario {
  const name = `${publisher.toLowerCase()}-${subscriber.toLowerCase()}`;
  return scenario({
    id: `interop.${name}`,
    clause: "zmtp.pubsub.filter-at-publisher",
    level: "MUST",
    title: `A ${subscriber} connected to a ${publisher} gets subscribed topics only, and no longer a topic it cancelled`,
    roles: "pair",
    requires: ["pubsub"],
    async run(ctx) {
      const { bound: pub, connected: sub } = await connectPair(ctx, publisher, subscriber);
      const subscriptions = subscriberControl(sub);
      await subscriptions.subscribe("mark");
      await subscriptions.subscribe("news");
      const first = await publishUntilReceived(ctx, pub, sub, "news", "a message on the subscribed topic news arrives");
      ctx.check("the first message to arrive is on the subscribed topic", first[0]?.toString("latin1").startsWith("news-probe-") ?? false, true);
      if (publisher === "XPUB") {
        await ctx.expectMessage(pub, "XPUB receives the subscription to mark", [subscriptionMessage(true, "mark")]);
        await ctx.expectMessage(pub, "XPUB receives the subscription to news", [subscriptionMessage(true, "news")]);
      }

      await pub.send(["other-topic"]);
      await pub.send(["mark-1"]);
      const afterFilter = await receiveSkipping(ctx, sub, "news-probe-", "the marker after a message on a topic nobody subscribed to");
      ctx.check("next message after one on an unsubscribed topic", showFrames(afterFilter), showFrames([Buffer.from("mark-1")]));

      await subscriptions.unsubscribe("news");
      await subscriptions.subscribe("sync");
      await publishUntilReceived(ctx, pub, sub, "sync", "a message on the topic subscribed after the cancel arrives");
      if (publisher === "XPUB") {
        await ctx.expectMessage(pub, "XPUB receives the cancel of news", [subscriptionMessage(false, "news")]);
        await ctx.expectMessage(pub, "XPUB receives the subscription to sync", [subscriptionMessage(true, "sync")]);
      }

      await pub.send(["news-after-cancel"]);
      await pub.send(["mark-2"]);
      const afterCancel = await receiveSkipping(ctx, sub, "sync-probe-", "the marker after a message on the cancelled topic");
      ctx.check("next message after one on the cancelled topic news", showFrames(afterCancel), showFrames([Buffer.from("mark-2")]));
    },
  });
}

const pubsubScenarios: readonly Scenario[] = [
  pubsubScenario({ publisher: "PUB", subscriber: "SUB" }),
  pubsubScenario({ publisher: "PUB", subscriber: "XSUB" }),
  pubsubScenario({ publisher: "XPUB", subscriber: "SUB" }),
  pubsubScenario({ publisher: "XPUB", subscriber: "XSUB" }),
];

export default pubsubScenarios;
