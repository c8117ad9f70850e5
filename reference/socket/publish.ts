import { parseLegacySubscription } from "../zmtp";
import type { Pipe } from "./pipe";

/**
 * PUB/XPUB distribution: a copy of the message (by reference) to every attached peer subscribed
 * to a prefix of its first frame. A peer at its high-water mark misses it: PUB never blocks.
 */
export function publish(pipes: readonly Pipe[], frames: Buffer[]): void {
  const topic = frames[0] ?? Buffer.alloc(0);
  for (const pipe of pipes) {
    if (pipe.isAttached && pipe.hasRoom && pipe.subscriptions.matches(topic)) pipe.write(frames);
  }
}

/** A ZMTP 3.0 subscription arriving as a message (one frame, 0x01/0x00 + topic), or null for any other message. */
export function subscriptionMessage(frames: Buffer[]): { subscribe: boolean; topic: Buffer } | null {
  return frames.length === 1 ? parseLegacySubscription(frames[0]) : null;
}
