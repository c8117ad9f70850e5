/**
 * Keeps one receive() waiting on a socket at all times and queues what arrives.
 *
 * Needed for libzmq: a libzmq socket handles its new connections (attaching the pipe, which for
 * a SUB is when it sends its subscriptions) only inside a call into the socket, and zeromq.js
 * makes such calls while a receive() or send() is waiting. A bound libzmq SUB that nobody reads
 * never tells a newly connected publisher what it subscribed to.
 */
export class Inbox {
  private readonly queue: Buffer[][] = [];
  private waiter: ((message: Buffer[]) => void) | undefined;
  private failure: ((err: Error) => void) | undefined;
  private error: Error | undefined;

  constructor(socket: { receive(): Promise<Buffer[]> }) {
    void (async () => {
      for (;;) {
        let message: Buffer[];
        try {
          message = await socket.receive();
        } catch (err) {
          this.error = err as Error; // closed: later next() calls fail with this
          this.failure?.(this.error);
          return;
        }
        if (this.waiter !== undefined) {
          const waiter = this.waiter;
          this.waiter = this.failure = undefined;
          waiter(message);
        } else {
          this.queue.push(message);
        }
      }
    })();
  }

  /** The next message, in order of arrival. One caller at a time. */
  next(): Promise<Buffer[]> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.error !== undefined) return Promise.reject(this.error);
    return new Promise((resolve, reject) => {
      this.waiter = resolve;
      this.failure = reject;
    });
  }
}
