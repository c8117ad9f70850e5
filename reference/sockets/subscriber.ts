import { ReadableSocket } from "../socket/capabilities";
import type { SocketOptions } from "../socket/options";
import type { Pipe } from "../socket/pipe";
import { TopicSet } from "../socket/topic-set";

/**
 * SUB: tells every publisher what it subscribed to (again after each reconnect) and also
 * filters what arrives, so a publisher that ignores subscriptions cannot flood it.
 */
export class Subscriber extends ReadableSocket {
  private readonly topics = new TopicSet();

  constructor(options?: Partial<SocketOptions>) {
    super("SUB", options);
    this.seal(options);
  }

  /** With no topic, subscribes to everything (the empty prefix), as zeromq.js does. */
  subscribe(...topics: Array<Buffer | string>): void {
    for (const topic of topicsOrAll(topics)) {
      if (this.topics.add(topic)) this.tellPublishers(true, topic);
    }
  }

  unsubscribe(...topics: Array<Buffer | string>): void {
    for (const topic of topicsOrAll(topics)) {
      if (this.topics.remove(topic)) this.tellPublishers(false, topic);
    }
  }

  protected arrive(pipe: Pipe, frames: Buffer[]): void {
    if (this.topics.matches(frames[0] ?? Buffer.alloc(0))) this.enqueue(pipe, frames);
  }

  protected pipeAttached(pipe: Pipe): void {
    if (pipe.connections > 1 && !this.behaviour.resubscribesAfterReconnect) return;
    for (const topic of this.topics.topics()) pipe.session?.sendSubscription(true, topic);
  }

  private tellPublishers(subscribe: boolean, topic: Buffer): void {
    for (const pipe of this.pipes) pipe.session?.sendSubscription(subscribe, topic);
  }
}

function topicsOrAll(topics: Array<Buffer | string>): Buffer[] {
  if (topics.length === 0) return [Buffer.alloc(0)];
  return topics.map((topic) => (typeof topic === "string" ? Buffer.from(topic, "utf8") : topic));
}
