/**
 * One raw connection to (or from) an implementation, over node:net and nothing else: it sends
 * exactly the bytes it is given and keeps every byte the implementation sends, with a read cursor.
 * It never judges and knows nothing of scenarios or jest: the scenarios' RawPeer (raw-peer.ts)
 * and the reference's own tests (reference/__tests__/helpers/raw-peer.ts) each put their way of
 * failing on top of this one.
 */
import type * as net from "node:net";
import type { ConnectionTranscript } from "./connection-transcript";
import { parseFrame, type ParsedFrame } from "./zmtp-bytes";

/** How a bounded wait ended: the condition held, the implementation closed the connection, or time ran out. */
export type Settled = "met" | "closed" | "timeout";

export class WireConnection {
  private received = Buffer.alloc(0);
  /** Bytes before it have been consumed by take() or takeFrame(). */
  private offset = 0;
  private hasClosed = false;
  private readonly wakers = new Set<() => void>();
  /** Resolves when the connection is fully closed, by either side. */
  readonly whenClosed: Promise<void>;

  /**
   * @param transcript where the conversation is written down when the run records transcripts:
   *   this end is its left, the implementation its right.
   */
  constructor(
    readonly socket: net.Socket,
    private readonly transcript?: ConnectionTranscript,
  ) {
    socket.on("data", (chunk: Buffer) => {
      transcript?.data("right", chunk);
      this.received = Buffer.concat([this.received, chunk]);
      this.wake();
    });
    // EPIPE/ECONNRESET once the implementation hangs up on us: 'close' follows, which is what we watch.
    socket.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "ECONNRESET") transcript?.close("right", "reset the connection (ECONNRESET)");
    });
    socket.on("end", () => transcript?.close("right", "closed its end"));
    this.whenClosed = new Promise((resolve) =>
      socket.once("close", () => {
        transcript?.end();
        this.hasClosed = true;
        this.wake();
        resolve();
      }),
    );
  }

  /** Every byte received so far, consumed or not. */
  get bytes(): Buffer {
    return this.received;
  }

  /** Bytes received and not yet consumed. */
  get unread(): Buffer {
    return this.received.subarray(this.offset);
  }

  get closed(): boolean {
    return this.hasClosed;
  }

  /** Writes bytes; resolves once handed to the kernel, or at once if the connection is gone (that is for a wait to see). */
  send(bytes: Buffer): Promise<void> {
    if (this.hasClosed || this.socket.destroyed) return Promise.resolve();
    this.transcript?.data("left", bytes);
    return new Promise((resolve) => this.socket.write(bytes, () => resolve()));
  }

  /** Waits until `condition` holds on the unread bytes, the connection closes, or `limitMs` passes. */
  settle(condition: (unread: Buffer) => boolean, limitMs: number): Promise<Settled> {
    return new Promise((resolve) => {
      const finish = (how: Settled) => {
        clearTimeout(timer);
        this.wakers.delete(check);
        resolve(how);
      };
      const check = () => {
        if (condition(this.unread)) finish("met");
        else if (this.hasClosed) finish("closed");
      };
      const timer = setTimeout(() => finish("timeout"), limitMs);
      this.wakers.add(check);
      check();
    });
  }

  /** Consumes n unread bytes (or fewer, if fewer have come). */
  take(n: number): Buffer {
    const out = Buffer.from(this.received.subarray(this.offset, this.offset + n));
    this.offset += out.length;
    return out;
  }

  /** Whether a whole frame is unread. */
  static holdsFrame(unread: Buffer): boolean {
    return parseFrame(unread, 0) !== null;
  }

  /** Consumes the next whole frame (the caller has waited for it with holdsFrame). */
  takeFrame(): ParsedFrame {
    const parsed = parseFrame(this.unread, 0);
    if (parsed === null) throw new Error("takeFrame: no whole frame is unread");
    this.offset += parsed.end;
    return parsed;
  }

  /** Stops reading: what the implementation writes piles up in the kernel until its writes stall. */
  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  destroy(): void {
    if (!this.socket.destroyed) this.transcript?.close("left", "closed");
    this.transcript?.end();
    this.socket.destroy();
  }

  private wake(): void {
    for (const waker of [...this.wakers]) waker();
  }
}
