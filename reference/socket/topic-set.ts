/**
 * Subscriptions as a multiset of prefixes: subscribing twice needs two cancels (libzmq counts).
 * Matching is by prefix of the first frame; the empty topic matches everything.
 */
export class TopicSet {
  private readonly counts = new Map<string, { topic: Buffer; count: number }>();

  get size(): number {
    return this.counts.size;
  }

  /** Returns true when the topic is new (its count went from 0 to 1). */
  add(topic: Buffer): boolean {
    const key = topic.toString("latin1");
    const entry = this.counts.get(key);
    if (entry !== undefined) {
      entry.count++;
      return false;
    }
    this.counts.set(key, { topic: Buffer.from(topic), count: 1 });
    return true;
  }

  /** Returns true when the topic is gone (its count went from 1 to 0). */
  remove(topic: Buffer): boolean {
    const key = topic.toString("latin1");
    const entry = this.counts.get(key);
    if (entry === undefined) return false;
    if (--entry.count > 0) return false;
    this.counts.delete(key);
    return true;
  }

  /** Removes the topic whatever its count; true when it was there. */
  forget(topic: Buffer): boolean {
    return this.counts.delete(topic.toString("latin1"));
  }

  matches(frame: Buffer): boolean {
    for (const { topic } of this.counts.values()) {
      if (topic.length <= frame.length && (topic.length === 0 || frame.compare(topic, 0, topic.length, 0, topic.length) === 0)) {
        return true;
      }
    }
    return false;
  }

  topics(): Buffer[] {
    return [...this.counts.values()].map((entry) => entry.topic);
  }

  /** Each topic with how many times it was subscribed. */
  entries(): Array<{ topic: Buffer; count: number }> {
    return [...this.counts.values()].map(({ topic, count }) => ({ topic, count }));
  }

  clear(): void {
    this.counts.clear();
  }
}
