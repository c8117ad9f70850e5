/**
 * Incremental ZMTP 3.x frame decoder (everything after the 64-byte greeting).
 *
 * Modelled on the `ws` library's receiver: a small state machine over a list of
 * received chunks. Nothing is copied until a frame is complete: a frame lying
 * entirely inside one chunk is delivered as a `subarray` view of that chunk, and
 * only a frame straddling chunks is concatenated, exactly once. Size limits are
 * checked as soon as the size field is read, before the body is buffered.
 *
 * Delivered frames are views of the pushed chunks: the caller must not reuse a
 * chunk's memory after pushing it (Node's socket 'data' chunks are never reused).
 */
import { constants as bufferConstants } from "buffer";
import { FLAG_COMMAND, FLAG_LONG, FLAG_MORE, hexByte } from "./frame-flags";

export interface DecoderEvents {
  /** One complete data message: all its frames (a frame is a Buffer, possibly empty). */
  message(frames: Buffer[]): void;
  /** One command frame: name (ASCII) and data after the name. */
  command(name: string, data: Buffer): void;
  /** A protocol violation: reported once; after it the decoder ignores all further input. */
  error(reason: string): void;
}

// Bits 3..7 are reserved ("MUST be zero" in RFC 23/37) but libzmq's decoder
// ignores them on receipt, so we do too: rejecting them would break
// interoperability with any future extension libzmq tolerates.

// Decoder states (plain numbers: cheap to compare, no enum object).
const S_FLAGS = 0;
const S_SHORT_SIZE = 1;
const S_LONG_SIZE = 2;
const S_BODY = 3;

const TWO_POW_32 = 0x1_0000_0000;
/** The largest Buffer this Node can allocate: a longer frame could never be delivered. */
const MAX_BUFFER = bufferConstants.MAX_LENGTH;
const EMPTY = Buffer.alloc(0);

export class FrameDecoder {
  private readonly events: DecoderEvents;
  private readonly maxFrameSize: number;

  /** Received, not yet consumed chunks; the first is consumed from `headOffset` on. */
  private chunks: Buffer[] = [];
  private headOffset = 0;
  private buffered = 0;

  private state = S_FLAGS;
  private flags = 0;
  private size = 0;
  /** Frames of a multipart message seen so far (MORE set), or null outside one. */
  private parts: Buffer[] | null = null;

  private failed = false;
  /** True while push() is draining: a nested push only queues its chunk. */
  private draining = false;

  constructor(events: DecoderEvents, maxFrameSize?: number /* -1 or undefined = unlimited */) {
    this.events = events;
    this.maxFrameSize = maxFrameSize === undefined || maxFrameSize < 0 ? -1 : maxFrameSize;
  }

  /** Bytes held waiting for the rest of a frame (for tests/limits). */
  get bufferedBytes(): number {
    return this.buffered;
  }

  push(chunk: Buffer): void {
    if (this.failed || chunk.length === 0) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    // A callback that pushes again (re-entrancy) just appends: the running loop
    // below picks the bytes up in order.
    if (this.draining) return;
    this.draining = true;
    try {
      this.drain();
    } finally {
      this.draining = false;
    }
  }

  /**
   * Runs the state machine until it needs more bytes. All state is stored in
   * fields before any callback runs, so a callback that throws leaves the decoder
   * consistent: the exception propagates out of push() and the next push()
   * resumes after the frame that was delivered.
   */
  private drain(): void {
    while (!this.failed) {
      switch (this.state) {
        case S_FLAGS: {
          if (this.buffered < 1) return;
          // Fast path for the common case of small messages: a whole short data
          // frame inside the head chunk is consumed in one step. Anything else
          // (long size, command, split frame, over the limit) takes the general
          // path below, which also reports the errors.
          const head = this.chunks[0];
          const off = this.headOffset;
          if (off + 2 <= head.length && (head[off] & (FLAG_LONG | FLAG_COMMAND)) === 0) {
            const size = head[off + 1];
            const end = off + 2 + size;
            if (end <= head.length && (this.maxFrameSize < 0 || size <= this.maxFrameSize)) {
              const flags = head[off];
              const body = size === 0 ? EMPTY : head.subarray(off + 2, end);
              this.buffered -= 2 + size;
              if (end === head.length) this.dropHead();
              else this.headOffset = end;
              this.dispatchData(flags, body);
              break;
            }
          }
          const flags = this.readByte();
          if (flags & FLAG_COMMAND) {
            if (flags & FLAG_MORE) {
              return this.fail(`command frame with MORE set (flags ${hexByte(flags)})`);
            }
            if (this.parts !== null) {
              return this.fail(`command frame (flags ${hexByte(flags)}) inside a multipart message after ${this.parts.length} frame(s)`);
            }
          }
          this.flags = flags;
          this.state = flags & FLAG_LONG ? S_LONG_SIZE : S_SHORT_SIZE;
          break;
        }
        case S_SHORT_SIZE: {
          if (this.buffered < 1) return;
          if (!this.acceptSize(this.readByte(), 0, 0)) return;
          break;
        }
        case S_LONG_SIZE: {
          if (this.buffered < 8) return;
          // Two 32-bit halves, read byte by byte so a size straddling chunks
          // needs no temporary buffer.
          let hi = 0;
          let lo = 0;
          for (let i = 0; i < 4; i++) hi = hi * 256 + this.readByte();
          for (let i = 0; i < 4; i++) lo = lo * 256 + this.readByte();
          if (hi >= 0x8000_0000) {
            return this.fail(`frame size ${exactSize(hi, lo)} has the top bit set (sizes must be below 2^63)`);
          }
          // hi * 2^32 + lo is exact below 2^53; above it the value is only used to
          // compare with limits that are all below 2^53, so rounding cannot matter.
          if (!this.acceptSize(hi * TWO_POW_32 + lo, hi, lo)) return;
          break;
        }
        case S_BODY: {
          if (this.buffered < this.size) return;
          const body = this.size === 0 ? EMPTY : this.take(this.size);
          this.state = S_FLAGS;
          if (this.flags & FLAG_COMMAND) this.dispatchCommand(body);
          else this.dispatchData(this.flags, body);
          break;
        }
      }
    }
  }

  /**
   * Checks a just-read size before a single body byte is buffered. hi/lo are the
   * raw halves of a long size (0/0 for a short one), kept for exact error text.
   */
  private acceptSize(size: number, hi: number, lo: number): boolean {
    if (this.maxFrameSize >= 0 && size > this.maxFrameSize) {
      this.fail(`frame size ${exactSize(hi, lo, size)} exceeds maxFrameSize ${this.maxFrameSize}`);
      return false;
    }
    if (size > MAX_BUFFER) {
      this.fail(`frame size ${exactSize(hi, lo, size)} exceeds the largest possible Buffer (${MAX_BUFFER})`);
      return false;
    }
    if (size === 0 && this.flags & FLAG_COMMAND) {
      this.fail(`command frame with an empty body (flags ${hexByte(this.flags)})`);
      return false;
    }
    this.size = size;
    this.state = S_BODY;
    return true;
  }

  private dispatchCommand(body: Buffer): void {
    // command-body = name-length name data. Name characters are not validated
    // (libzmq does not either): unknown names are for the caller to ignore.
    const nameLength = body[0];
    if (1 + nameLength > body.length) {
      return this.fail(`command name length ${nameLength} runs past the ${body.length}-byte command body`);
    }
    this.events.command(body.toString("latin1", 1, 1 + nameLength), body.subarray(1 + nameLength));
  }

  /** Adds a data frame to the current message; delivers the message at its last frame. */
  private dispatchData(flags: number, body: Buffer): void {
    if (flags & FLAG_MORE) {
      if (this.parts === null) this.parts = [body];
      else this.parts.push(body);
      return;
    }
    let frames = this.parts;
    if (frames === null) {
      frames = [body];
    } else {
      frames.push(body);
      this.parts = null;
    }
    this.events.message(frames);
  }

  /** Consumes one byte; the caller has checked that one is buffered. */
  private readByte(): number {
    const head = this.chunks[0];
    const b = head[this.headOffset++];
    this.buffered--;
    if (this.headOffset === head.length) this.dropHead();
    return b;
  }

  /**
   * Consumes n > 0 bytes; the caller has checked that n are buffered. A view of
   * the head chunk when it holds them all, else one copy from all the chunks.
   */
  private take(n: number): Buffer {
    this.buffered -= n;
    const head = this.chunks[0];
    const start = this.headOffset;
    if (head.length - start >= n) {
      this.headOffset = start + n;
      if (this.headOffset === head.length) this.dropHead();
      return head.subarray(start, start + n);
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const chunk = this.chunks[0];
      const from = this.headOffset;
      const count = Math.min(chunk.length - from, n - filled);
      out.set(from === 0 && count === chunk.length ? chunk : chunk.subarray(from, from + count), filled);
      filled += count;
      this.headOffset = from + count;
      if (this.headOffset === chunk.length) this.dropHead();
    }
    return out;
  }

  private dropHead(): void {
    this.chunks.shift();
    this.headOffset = 0;
  }

  /**
   * Reports a violation once. The decoder is put in its final state (and its
   * buffers released) BEFORE the callback runs, so a throwing callback cannot
   * leave it half-failed.
   */
  private fail(reason: string): void {
    this.failed = true;
    this.chunks = [];
    this.headOffset = 0;
    this.buffered = 0;
    this.parts = null;
    this.events.error(reason);
  }
}

/** The exact decimal value of a 64-bit size (a double would round above 2^53). */
function exactSize(hi: number, lo: number, size?: number): string {
  if (hi === 0 && size !== undefined) return String(size);
  return ((BigInt(hi) << 32n) | BigInt(lo)).toString();
}
