import { ZmqError } from "../errors";
import { Deque } from "../util/deque";
import { toFrames, type MessageLike } from "./message";
import type { SocketOptions } from "./options";
import type { Pipe } from "./pipe";

interface Incoming {
  readonly pipe: Pipe;
  readonly frames: Buffer[];
}

interface Waiter<T> {
  resolve(value: T): void;
  reject(err: Error): void;
  timer?: NodeJS.Timeout;
}

/** What the socket around it decides: where a message goes, what a queued one becomes, whether to read. */
export interface SendReceiveHooks {
  /** Queues the message on the right pipe(s) (the socket type's route); false when it must wait for room. */
  route(frames: Buffer[]): boolean;
  /** What receive() returns for a queued message (the socket type's take); undefined drops it. */
  take(pipe: Pipe, frames: Buffer[]): Buffer[] | undefined;
  /** Stops (true) or resumes (false) reading from every connection: the receive high-water mark. */
  pauseReading(paused: boolean): void;
}

/** The options it reads at each call, from the socket (they may change between calls). */
type Limits = Pick<SocketOptions, "sendTimeout" | "receiveTimeout" | "receiveHighWaterMark">;

/** What a send that found room returns: already resolved, shared (nothing allocated per message). */
const SENT: Promise<void> = Promise.resolve();

/**
 * After this many calls in a row resolved at once, the next resolves on the event loop's next turn
 * (setImmediate), as zeromq.js does: an `await send()` loop that always finds room would otherwise
 * run on microtasks alone and starve every timer and all other I/O of the process.
 */
export const MAX_SYNC_OPERATIONS = 512;

/** zeromq.js's texts for the second send or receive while one waits, thrown at once. */
const BUSY_WRITING = "Socket is busy writing; only one send operation may be in progress at any time";
const BUSY_READING = "Socket is busy reading; only one receive operation may be in progress at any time";

/**
 * The socket's side of send() and receive(): the queue of received messages with its high-water
 * mark, the one send waiting for room and the one receive waiting for a message, with their
 * timeouts. The endpoints and connections are the socket's (socket-base.ts).
 */
export class SendReceive {
  private readonly inbound = new Deque<Incoming>();
  private receiver: Waiter<Buffer[]> | undefined;
  /** The send (or sendMany) waiting for room: its messages, and how many of them have gone. */
  private sender: (Waiter<void> & { messages: Buffer[][]; sent: number }) | undefined;
  private readingPaused = false;
  /**
   * Holds the process open while a send or receive waits, as zeromq.js does (an idle socket does
   * not: its handles are unref'd); a timed wait's own timer would, an untimed one has only this.
   */
  private keepAlive: NodeJS.Timeout | undefined;
  /** Calls resolved at once since the last one that waited or yielded (MAX_SYNC_OPERATIONS). */
  private syncOperations = 0;

  constructor(
    private readonly hooks: SendReceiveHooks,
    private readonly limits: Limits,
  ) {}

  /** Messages received and not yet taken by receive(). */
  get queued(): number {
    return this.inbound.length;
  }

  /** Whether reading is paused (a new connection starts paused then). */
  get paused(): boolean {
    return this.readingPaused;
  }

  /**
   * Not `async`: on the hot path (room in the pipe) this returns one shared resolved promise and
   * allocates nothing. A second send while one waits throws EBUSY at once, as in zeromq.js; every
   * other refusal comes back as a rejected promise.
   */
  send(message: MessageLike | MessageLike[]): Promise<void> {
    if (this.sender !== undefined) throw new ZmqError("EBUSY", "another send is already waiting", undefined, BUSY_WRITING);
    try {
      const frames = toFrames(message);
      if (this.hooks.route(frames)) return this.resolvedNow(SENT, undefined, 1);
      return this.waitToSend([frames], 0);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /**
   * The batch path (not in zeromq.js): several messages in one call, in order, resolved when the
   * last has gone, for the price of one send(). Every message is checked before any goes; if one
   * is refused on the way (a REQ's EFSM, say), those before it have gone and the error says how many.
   */
  sendMany(messages: ReadonlyArray<MessageLike | MessageLike[]>): Promise<void> {
    if (this.sender !== undefined) throw new ZmqError("EBUSY", "another send is already waiting", undefined, BUSY_WRITING);
    try {
      if (!Array.isArray(messages)) throw new TypeError("Messages must be an array");
      const batch = messages.map((message) => {
        if (message === undefined) throw new TypeError("Message must be present");
        return toFrames(message);
      });
      const sent = this.routeFrom(batch, 0);
      if (sent === batch.length) return this.resolvedNow(SENT, undefined, batch.length);
      return this.waitToSend(batch, sent);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** Routes messages[from...] while there is room; how many of them have gone. A refusal is rethrown with that count. */
  private routeFrom(messages: Buffer[][], from: number): number {
    let sent = from;
    try {
      while (sent < messages.length && this.hooks.route(messages[sent])) sent++;
    } catch (err) {
      if (messages.length > 1 && err instanceof ZmqError)
        throw new ZmqError(err.code, `${err.reason} (message ${sent + 1} of ${messages.length}; ${sent} sent)`);
      throw err;
    }
    return sent;
  }

  /** The messages from `sent` on wait for room, within the send timeout. */
  private waitToSend(messages: Buffer[][], sent: number): Promise<void> {
    const timeout = this.limits.sendTimeout;
    const count = messages.length > 1 ? ` (${sent} of ${messages.length} sent)` : "";
    if (timeout === 0) throw new ZmqError("EAGAIN", `no peer can take the message now${count}`);
    return new Promise<void>((resolve, reject) => {
      const sender = { messages, sent, resolve, reject, timer: undefined as NodeJS.Timeout | undefined };
      if (timeout > 0) {
        sender.timer = setTimeout(() => {
          const gone = messages.length > 1 ? ` (${sender.sent} of ${messages.length} sent)` : "";
          this.takeSender()?.reject(new ZmqError("EAGAIN", `send timed out after ${timeout} ms${gone}`));
        }, timeout);
      }
      this.sender = sender;
      this.keepAliveWhileWaiting();
    });
  }

  /** Not `async`, for the same reason as send: a queued message costs one resolved promise. */
  receive(): Promise<Buffer[]> {
    if (this.receiver !== undefined) throw new ZmqError("EBUSY", "another receive is already waiting", undefined, BUSY_READING);
    const timeout = this.limits.receiveTimeout;
    try {
      const ready = this.takeNext();
      if (ready !== undefined) return this.resolvedNow(undefined, ready, 1);
      if (timeout === 0) throw new ZmqError("EAGAIN", "no message available");
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise<Buffer[]>((resolve, reject) => {
      const receiver: Waiter<Buffer[]> = { resolve, reject };
      if (timeout > 0) {
        receiver.timer = setTimeout(() => this.takeReceiver()?.reject(new ZmqError("EAGAIN", `receive timed out after ${timeout} ms`)), timeout);
      }
      this.receiver = receiver;
      this.keepAliveWhileWaiting();
    });
  }

  /**
   * The batch path's other half: every queued message up to `max` (at least one: it waits for the
   * first as receive() does), for the price of one receive().
   */
  receiveMany(max: number): Promise<Buffer[][]> {
    if (this.receiver !== undefined) throw new ZmqError("EBUSY", "another receive is already waiting", undefined, BUSY_READING);
    try {
      if (!Number.isInteger(max) || max < 1) throw new ZmqError("EINVAL", `receiveMany takes at most a whole number of messages, at least 1, not ${max}`);
      const ready = this.takeNext();
      if (ready !== undefined) {
        const batch = this.takeMore([ready], max);
        return this.resolvedNow(undefined, batch, batch.length);
      }
    } catch (err) {
      return Promise.reject(err);
    }
    return this.receive().then((first) => this.takeMore([first], max));
  }

  private takeMore(batch: Buffer[][], max: number): Buffer[][] {
    while (batch.length < max) {
      const next = this.takeNext();
      if (next === undefined) break;
      batch.push(next);
    }
    return batch;
  }

  /** A message for receive(): to the waiting receive if there is one; past the high-water mark, reading stops. */
  enqueue(pipe: Pipe, frames: Buffer[]): void {
    this.inbound.push({ pipe, frames });
    if (this.receiver !== undefined) {
      const message = this.takeNext();
      if (message !== undefined) {
        this.syncOperations = 0;
        this.takeReceiver()?.resolve(message);
      }
    }
    const highWaterMark = this.limits.receiveHighWaterMark;
    if (!this.readingPaused && highWaterMark > 0 && this.inbound.length >= highWaterMark) {
      this.readingPaused = true;
      this.hooks.pauseReading(true);
    }
  }

  /** Wakes a send that waits for room, now that something changed. */
  retrySend(): void {
    const sender = this.sender;
    if (sender === undefined) return;
    try {
      sender.sent = this.routeFrom(sender.messages, sender.sent);
    } catch (err) {
      return this.takeSender()?.reject(err as Error);
    }
    if (sender.sent < sender.messages.length) return;
    this.syncOperations = 0;
    this.takeSender()?.resolve();
  }

  /** The waiting send, which stops waiting: its timer and its hold on the process end. */
  private takeSender(): Waiter<void> | undefined {
    const sender = this.sender;
    this.sender = undefined;
    return this.stopWaiting(sender);
  }

  /** The waiting receive, which stops waiting, as takeSender. */
  private takeReceiver(): Waiter<Buffer[]> | undefined {
    const receiver = this.receiver;
    this.receiver = undefined;
    return this.stopWaiting(receiver);
  }

  private stopWaiting<T>(waiter: Waiter<T> | undefined): Waiter<T> | undefined {
    if (waiter !== undefined) clearTimeout(waiter.timer);
    this.keepAliveWhileWaiting();
    return waiter;
  }

  /**
   * One timer per socket, made once and only ref'd while a call waits: a receive that waits for
   * every message (a PULL keeping up with its peer) would otherwise add and remove a timer each time.
   */
  private keepAliveWhileWaiting(): void {
    const waiting = this.sender !== undefined || this.receiver !== undefined;
    if (waiting) (this.keepAlive ??= setInterval(() => undefined, 1 << 30)).ref();
    else this.keepAlive?.unref();
  }

  /**
   * A call that could complete at once: resolved now, or on the next turn after MAX_SYNC_OPERATIONS
   * messages (a batch counts each of its messages, so batching does not starve the loop longer).
   */
  private resolvedNow<T>(now: Promise<T> | undefined, value: T, messages: number): Promise<T> {
    this.syncOperations += messages;
    if (this.syncOperations <= MAX_SYNC_OPERATIONS) return now ?? Promise.resolve(value);
    this.syncOperations = 0;
    return new Promise((resolve) => setImmediate(resolve, value));
  }

  /** The socket closed: the waiting send and receive fail with `error()`. */
  close(error: () => Error): void {
    this.takeReceiver()?.reject(error());
    this.takeSender()?.reject(error());
    clearInterval(this.keepAlive);
    this.keepAlive = undefined;
  }

  private takeNext(): Buffer[] | undefined {
    for (;;) {
      const next = this.inbound.shift();
      if (next === undefined) return undefined;
      if (this.readingPaused && this.inbound.length < this.limits.receiveHighWaterMark) {
        this.readingPaused = false;
        this.hooks.pauseReading(false);
      }
      const message = this.hooks.take(next.pipe, next.frames);
      if (message !== undefined) return message;
    }
  }
}
