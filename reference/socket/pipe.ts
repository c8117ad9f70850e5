import { Deque } from "../util/deque";
import { detached } from "./message";
import type { ZmtpSession } from "../session/zmtp-session";
import { TopicSet } from "./topic-set";

export interface PipeOwner {
  /** The pipe can take more messages: a blocked send may proceed. */
  pipeHasRoom(pipe: Pipe): void;
}

/**
 * The queue between a socket and one peer, as libzmq's pipe: it counts messages against the
 * send high-water mark whether or not a connection is attached. A connecting socket creates its
 * pipe at connect() time, so messages sent before the binder exists wait here, in order, and go
 * out when the handshake completes.
 */
export class Pipe {
  session: ZmtpSession | undefined;
  /** ROUTER: the peer's routing id, assigned when the connection is attached. */
  routingId: Buffer | undefined;
  /** PUB/XPUB: what the peer subscribed to. */
  readonly subscriptions = new TopicSet();
  /** How many connections have been attached so far (a connect-side pipe gets one per reconnect). */
  connections = 0;

  private readonly outbound = new Deque<Buffer[]>();
  /**
   * Messages written straight into the connection's batch since the last flush: they count
   * against the high-water mark until then, as queued ones would, so a burst within one turn of
   * the event loop is bounded as before.
   */
  private inBatch = 0;
  private flushScheduled = false;

  constructor(
    private readonly owner: PipeOwner,
    /** Whether the pipe outlives its connection (connect side without `immediate`). */
    readonly persistent: boolean,
    private readonly highWaterMark: number,
    /** ZMQ_CONNECT_ROUTING_ID: the routing id a ROUTER gave the endpoint this pipe was connected for. */
    readonly connectRoutingId?: Buffer,
  ) {}

  get isAttached(): boolean {
    return this.session !== undefined;
  }

  get queued(): number {
    return this.outbound.length;
  }

  get hasRoom(): boolean {
    return this.highWaterMark <= 0 || this.outbound.length + this.inBatch < this.highWaterMark;
  }

  /**
   * Straight into the connection's write batch when it takes messages and none wait before this
   * one (the batch copies small bodies); otherwise queued, small frames copied (`detached`), since
   * the caller may reuse its buffer as soon as send() returns.
   */
  write(frames: Buffer[]): void {
    const session = this.session;
    if (session !== undefined && this.outbound.length === 0 && session.writable) {
      session.send(frames);
      this.inBatch += 1;
      this.scheduleFlush();
      return;
    }
    this.outbound.push(detached(frames));
    this.scheduleFlush();
  }

  attach(session: ZmtpSession): void {
    this.session = session;
    this.connections += 1;
    this.scheduleFlush();
  }

  detach(): void {
    this.session = undefined;
    this.inBatch = 0;
    this.routingId = undefined;
    this.subscriptions.clear();
  }

  /** Drops everything queued (closing with linger 0, or the pipe is being destroyed). */
  discard(): void {
    this.outbound.clear();
  }

  /** Hands queued messages to the connection while it accepts them, in one batched write. */
  flush(): void {
    this.flushScheduled = false;
    const hadRoom = this.hasRoom;
    this.inBatch = 0;
    const session = this.session;
    if (session !== undefined) {
      while (this.outbound.length > 0 && session.writable) {
        session.send(this.outbound.shift() as Buffer[]);
      }
      session.flush();
    }
    if (!hadRoom && this.hasRoom) this.owner.pipeHasRoom(this);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.session === undefined) return;
    this.flushScheduled = true;
    // Deferred to the end of this turn of the event loop: a burst of sends becomes one write.
    setImmediate(() => this.flush());
  }
}
