import { DuplexSocket } from "../socket/capabilities";
import type { SocketOptions } from "../socket/options";
import type { Pipe } from "../socket/pipe";
import { publish, subscriptionMessage } from "../socket/publish";
import { TopicSet } from "../socket/topic-set";
import { legacySubscription } from "../zmtp";

/**
 * XPUB: a PUB whose receive() returns the subscriptions, as 0x01+topic / 0x00+topic messages.
 * Like libzmq without ZMQ_XPUB_VERBOSE, a topic is passed up when the first peer subscribes to it
 * and cancelled when the last one leaves (also by disconnecting).
 */
export class XPublisher extends DuplexSocket {
  private readonly everyone = new TopicSet();

  constructor(options?: Partial<SocketOptions>) {
    super("XPUB", options);
  }

  protected route(frames: Buffer[]): boolean {
    publish(this.pipes, frames);
    return true;
  }

  protected arrive(pipe: Pipe, frames: Buffer[]): void {
    const legacy = subscriptionMessage(frames);
    if (legacy !== null) this.subscriptionArrived(pipe, legacy.subscribe, legacy.topic);
    else this.enqueue(pipe, frames);
  }

  protected subscriptionArrived(pipe: Pipe, subscribe: boolean, topic: Buffer): void {
    if (subscribe) {
      pipe.subscriptions.add(topic);
      if (this.everyone.add(topic)) this.enqueue(pipe, [legacySubscription(true, topic)]);
    } else if (pipe.subscriptions.remove(topic) && this.everyone.remove(topic)) {
      this.enqueue(pipe, [legacySubscription(false, topic)]);
    }
  }

  protected pipeDetached(pipe: Pipe): void {
    for (const { topic, count } of pipe.subscriptions.entries()) {
      for (let i = 0; i < count; i++) {
        if (this.everyone.remove(topic)) this.enqueue(pipe, [legacySubscription(false, topic)]);
      }
    }
  }
}
