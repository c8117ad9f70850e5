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
 * The socket's side of send() and receive(): the queue of received messages with its high-water
 * mark, the one send waiting for room and the one receive waiting for a message, with their
 * timeouts. The endpoints and connections are the socket's (socket-base.ts).
 */
export class SendReceive {
  private readonly inbound = new Deque<Incoming>();
  private receiver: Waiter<Buffer[]> | undefined;
  private sender: (Waiter<void> & { frames: Buffer[] }) | undefined;
  private readingPaused = false;

  constructor(
    private readonly hooks: SendReceiveHooks,
    private readonly limits: Limits,
  ) {}

  /** Whether reading is paused (a new connection starts paused then). */
  get paused(): boolean {
    return this.readingPaused;
  }

  /**
   * Not `async`: on the hot path (room in the pipe) this returns one shared resolved promise and
   * allocates nothing; every refusal still comes back as a rejected promise, never a throw.
   */
  send(message: MessageLike | MessageLike[]): Promise<void> {
    try {
      if (this.sender !== undefined) throw new ZmqError("EBUSY", "another send is already waiting");
      const frames = toFrames(message);
      if (this.hooks.route(frames)) return SENT;
      const timeout = this.limits.sendTimeout;
      if (timeout === 0) throw new ZmqError("EAGAIN", "no peer can take the message now");
      return new Promise<void>((resolve, reject) => {
        const sender = { frames, resolve, reject, timer: undefined as NodeJS.Timeout | undefined };
        if (timeout > 0) {
          sender.timer = setTimeout(() => {
            this.sender = undefined;
            reject(new ZmqError("EAGAIN", `send timed out after ${timeout} ms`));
          }, timeout);
        }
        this.sender = sender;
      });
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** Not `async`, for the same reason as send: a queued message costs one resolved promise. */
  receive(): Promise<Buffer[]> {
    const timeout = this.limits.receiveTimeout;
    try {
      if (this.receiver !== undefined) throw new ZmqError("EBUSY", "another receive is already waiting");
      const ready = this.takeNext();
      if (ready !== undefined) return Promise.resolve(ready);
      if (timeout === 0) throw new ZmqError("EAGAIN", "no message available");
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise<Buffer[]>((resolve, reject) => {
      const receiver: Waiter<Buffer[]> = { resolve, reject };
      if (timeout > 0) {
        receiver.timer = setTimeout(() => {
          this.receiver = undefined;
          reject(new ZmqError("EAGAIN", `receive timed out after ${timeout} ms`));
        }, timeout);
      }
      this.receiver = receiver;
    });
  }

  /** A message for receive(): to the waiting receive if there is one; past the high-water mark, reading stops. */
  enqueue(pipe: Pipe, frames: Buffer[]): void {
    this.inbound.push({ pipe, frames });
    if (this.receiver !== undefined) {
      const message = this.takeNext();
      if (message !== undefined) {
        const receiver = this.receiver;
        this.receiver = undefined;
        clearTimeout(receiver.timer);
        receiver.resolve(message);
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
    let routed: boolean;
    try {
      routed = this.hooks.route(sender.frames);
    } catch (err) {
      this.sender = undefined;
      clearTimeout(sender.timer);
      return sender.reject(err as Error);
    }
    if (!routed) return;
    this.sender = undefined;
    clearTimeout(sender.timer);
    sender.resolve();
  }

  /** The socket closed: the waiting send and receive fail with `error()`. */
  close(error: () => Error): void {
    this.settle(this.receiver, error());
    this.receiver = undefined;
    this.settle(this.sender, error());
    this.sender = undefined;
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

  private settle(waiter: Waiter<void> | Waiter<Buffer[]> | undefined, err: Error): void {
    if (waiter === undefined) return;
    clearTimeout(waiter.timer);
    waiter.reject(err);
  }
}
