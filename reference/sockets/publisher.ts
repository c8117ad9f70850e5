import { WritableSocket } from "../socket/capabilities";
import type { SocketOptions } from "../socket/options";
import type { Pipe } from "../socket/pipe";
import { publish, subscriptionMessage } from "../socket/publish";

/**
 * PUB: each message goes to every peer subscribed to a prefix of its first frame. A peer at its
 * high-water mark misses the message (PUB never blocks). Subscriptions arrive as ZMTP 3.1
 * SUBSCRIBE/CANCEL commands or, from ZMTP 3.0 peers, as 0x01/0x00-prefixed messages.
 */
export class Publisher extends WritableSocket {
  constructor(options?: Partial<SocketOptions>) {
    super("PUB", options);
    this.seal(options);
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
    // Anything else a subscriber sends is not for a PUB: dropped.
    if (legacy !== null) this.subscriptionArrived(pipe, legacy.subscribe, legacy.topic);
  }

  protected subscriptionArrived(pipe: Pipe, subscribe: boolean, topic: Buffer): void {
    if (subscribe) pipe.subscriptions.add(topic);
    else pipe.subscriptions.remove(topic);
  }
}
