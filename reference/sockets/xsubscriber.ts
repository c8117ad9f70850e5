import { DuplexSocket } from "../socket/capabilities";
import type { SocketOptions } from "../socket/options";
import type { Pipe } from "../socket/pipe";
import { TopicSet } from "../socket/topic-set";
import { subscriptionMessage } from "../socket/publish";

/**
 * XSUB: subscriptions are sent as messages (0x01+topic subscribes, 0x00+topic cancels) and go to
 * every publisher; any other message is forwarded upstream to all of them. Nothing is filtered on
 * receipt: the publishers filter.
 */
export class XSubscriber extends DuplexSocket {
  private readonly topics = new TopicSet();

  constructor(options?: Partial<SocketOptions>) {
    super("XSUB", options);
    this.seal(options);
  }

  /** Always: a subscription is kept whether or not a peer is there, and data goes to whoever can take it. */
  protected canSendNow(): boolean {
    return true;
  }

  protected route(frames: Buffer[]): boolean {
    const subscription = subscriptionMessage(frames);
    if (subscription !== null) {
      const changed = subscription.subscribe ? this.topics.add(subscription.topic) : this.topics.remove(subscription.topic);
      if (changed) {
        for (const pipe of this.pipes) pipe.session?.sendSubscription(subscription.subscribe, subscription.topic);
      }
      return true;
    }
    for (const pipe of this.pipes) if (pipe.isAttached && pipe.hasRoom) pipe.write(frames);
    return true;
  }

  protected pipeAttached(pipe: Pipe): void {
    if (pipe.connections > 1 && !this.behaviour.resubscribesAfterReconnect) return;
    for (const topic of this.topics.topics()) pipe.session?.sendSubscription(true, topic);
  }
}
