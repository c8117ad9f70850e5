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
