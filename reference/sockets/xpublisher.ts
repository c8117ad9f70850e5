import { ZmqError } from "../errors";
import { DuplexSocket } from "../socket/capabilities";
import type { SocketOptions } from "../socket/options";
import type { Pipe } from "../socket/pipe";
import { publish, subscriptionMessage } from "../socket/publish";
import { TopicSet } from "../socket/topic-set";
import { legacySubscription } from "../zmtp";

/**
 * zeromq.js v6's XPublisher `verbosity`: null (libzmq's default) passes up a topic's first
 * subscription and its last cancel; "allSubs" (ZMQ_XPUB_VERBOSE) every subscription, and still
 * only the last cancel; "allSubsUnsubs" (ZMQ_XPUB_VERBOSER) every subscription and every cancel.
 */
export type XPublisherVerbosity = null | "allSubs" | "allSubsUnsubs";

const VERBOSITIES: readonly XPublisherVerbosity[] = [null, "allSubs", "allSubsUnsubs"];

export interface XPublisherOptions extends SocketOptions {
  verbosity: XPublisherVerbosity;
}

/**
 * XPUB: a PUB whose receive() returns the subscriptions, as 0x01+topic / 0x00+topic messages.
 * Like libzmq, a topic is passed up when the first peer subscribes to it and cancelled when the
 * last one leaves (by a CANCEL, or by disconnecting), unless `verbosity` asks for more.
 */
export class XPublisher extends DuplexSocket {
  /** How many peers hold each topic (a peer that subscribed twice counts once, as in libzmq's mtrie). */
  private readonly everyone = new TopicSet();
  private verbose: XPublisherVerbosity = null;

  constructor(options: Partial<XPublisherOptions> = {}) {
    super("XPUB", options);
    this.seal(options);
  }

  get verbosity(): XPublisherVerbosity {
    return this.verbose;
  }

  set verbosity(value: XPublisherVerbosity) {
    if (!VERBOSITIES.includes(value)) throw new ZmqError("EINVAL", `verbosity must be null, "allSubs" or "allSubsUnsubs", not ${JSON.stringify(value)}`);
    this.verbose = value;
  }

  /** Always: a message no subscriber can take is dropped, never waited on (libzmq's PUB always has POLLOUT). */
  protected canSendNow(): boolean {
    return true;
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
      const first = pipe.subscriptions.add(topic) && this.everyone.add(topic);
      if (first || this.verbose !== null) this.passUp(pipe, true, topic);
      return;
    }
    const last = pipe.subscriptions.remove(topic) && this.peerDropped(topic);
    if (last || this.verbose === "allSubsUnsubs") this.passUp(pipe, false, topic);
  }

  protected pipeDetached(pipe: Pipe): void {
    for (const topic of pipe.subscriptions.topics()) {
      const last = this.peerDropped(topic);
      if (!this.behaviour.cancelsForDeparted) continue;
      if (last || this.verbose === "allSubsUnsubs") this.passUp(pipe, false, topic);
    }
  }

  /** One peer no longer holds `topic`; true when no peer does any more. */
  private peerDropped(topic: Buffer): boolean {
    return this.behaviour.countsSubscribers ? this.everyone.remove(topic) : this.everyone.forget(topic);
  }

  private passUp(pipe: Pipe, subscribe: boolean, topic: Buffer): void {
    this.enqueue(pipe, [legacySubscription(subscribe, topic)]);
  }
}
