import { within } from "./bounded-wait";
import { nextRetry } from "./retry";
import type { Frame } from "./sockets";

/** Second frame of the probe messages that establish a subscription; data receivers skip them. */
export const PROBE = "\u0000probe";

interface Publishing {
  send(message: Frame | Frame[]): Promise<void>;
}
interface Receiving {
  /** An Inbox: the subscriber's messages, read continuously. */
  next(): Promise<Buffer[]>;
}

function isProbe(message: Buffer[]): boolean {
  return message.length === 2 && message[1].toString("latin1") === PROBE;
}

/**
 * A PUB (or XPUB that we do not read) gives no sign of when a subscription reached it. This
 * publishes [topic, PROBE] until the subscriber receives one: from then on, everything the
 * subscriber sent before (subscriptions and cancels, in order on its connection) has been applied
 * by the publisher. Leftover probes are skipped by receiveData().
 */
export async function awaitSubscription(publisher: Publishing, subscriber: Receiving, topic: Frame): Promise<void> {
  const expected = Buffer.from(topic);
  let arrived = false;
  const arrival = (async () => {
    for (;;) {
      const message = await subscriber.next();
      if (isProbe(message) && message[0].equals(expected)) return void (arrived = true);
    }
  })();
  arrival.catch(() => undefined); // if a send below throws, the socket's close later rejects this: not news
  const probing = async () => {
    while (!arrived) {
      await publisher.send([topic, PROBE]);
      await Promise.race([arrival, nextRetry()]);
    }
  };
  await within(probing(), `a probe of topic ${JSON.stringify(String(topic))} to arrive`);
}

/** The next message that is not a probe. */
export async function receiveData(subscriber: Receiving): Promise<Buffer[]> {
  for (;;) {
    const message = await subscriber.next();
    if (!isProbe(message)) return message;
  }
}
