import { TRANSCRIPT_LIMITS, type TranscriptEventKind } from "../../harness/model/transcript";
import { COMMAND, GREETING_SIZE, LONG, MORE, RESERVED_BITS, hex, parseProperties, splitCommand } from "./zmtp-bytes";

/** One decoded item of a byte stream, before it is timed and given its sender. */
export interface DecodedItem {
  readonly kind: Exclude<TranscriptEventKind, "connect" | "close">;
  readonly text: string;
  readonly hex: string;
}

/** Frame bodies up to this size are kept whole (commands are decoded from them); longer ones only their start. */
const WHOLE_BODY_LIMIT = 64 * 1024;
/** ZMTP's signature: 0xFF, 8 padding octets, 0x7F (RFC 23 Greeting). */
const SIGNATURE_START = 0xff;

/**
 * Decodes one direction of a ZMTP connection as its octets arrive, chunk by chunk, with the
 * test-side codec (zmtp-bytes.ts), never an implementation's: the greeting's fields, then each
 * command and frame. A frame's body is not buffered beyond WHOLE_BODY_LIMIT, so a peer declaring
 * 2^63 octets costs nothing. What does not decode (an opening that is not ZMTP 3, garbage) is
 * shown as octets; whatever is still incomplete when the connection closes is shown by finish().
 */
export class ZmtpStreamDecoder {
  private state: "greeting" | "traffic" | "opaque" = "greeting";
  private pending: Buffer = Buffer.alloc(0);
  /** The frame whose body is arriving. */
  private frame: { flags: number; size: bigint; header: Buffer; kept: Buffer[]; keptLength: number; received: bigint } | null = null;

  /** The items the chunk completes. */
  push(chunk: Buffer): DecodedItem[] {
    const items: DecodedItem[] = [];
    if (this.state === "opaque") return [octets(chunk, "more octets after an opening that is not ZMTP 3")];
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    for (;;) {
      const item = this.state === "greeting" ? this.greeting() : this.traffic();
      if (item === null) break;
      items.push(item);
      if (this.isOpaque()) {
        if (this.pending.length > 0) items.push(octets(this.pending, "more octets after an opening that is not ZMTP 3"));
        this.pending = Buffer.alloc(0);
        break;
      }
    }
    return items;
  }

  /** After an opening that is not ZMTP 3: the rest is shown as octets (a method: the state changes inside push's loop). */
  private isOpaque(): boolean {
    return this.state === "opaque";
  }

  /** What is left incomplete at the close: a greeting, a frame header or a frame body cut short. */
  finish(): DecodedItem[] {
    const items: DecodedItem[] = [];
    if (this.frame !== null) {
      const f = this.frame;
      items.push({
        kind: "bytes",
        text: `${f.flags & COMMAND ? "command" : "frame"} cut short: ${f.received} of the ${f.size} octets it declared came before the close`,
        hex: showHex(Buffer.concat([f.header, ...f.kept])),
      });
    } else if (this.pending.length > 0) {
      const what = this.state === "greeting" ? `greeting cut short: ${this.pending.length} of ${GREETING_SIZE} octets` : `frame header cut short`;
      items.push({ kind: "bytes", text: `${what} before the close`, hex: showHex(this.pending) });
    }
    this.frame = null;
    this.pending = Buffer.alloc(0);
    return items;
  }

  private greeting(): DecodedItem | null {
    const bytes = this.pending;
    if (bytes.length === 0) return null;
    if (bytes[0] !== SIGNATURE_START) {
      this.state = "opaque";
      const item = octets(bytes, "octets where a ZMTP greeting belongs (no 0xFF signature)");
      this.pending = Buffer.alloc(0);
      return item;
    }
    // An older peer's opening (ZMTP 1.0/2.0) is shorter: its revision octet (offset 10) says so.
    if (bytes.length >= 11 && bytes[10] < 3) {
      this.state = "opaque";
      const item = { kind: "greeting" as const, text: `opening of ZMTP revision ${bytes[10]} (not ZMTP 3)`, hex: showHex(bytes) };
      this.pending = Buffer.alloc(0);
      return item;
    }
    if (bytes.length < GREETING_SIZE) return null;
    const greeting = bytes.subarray(0, GREETING_SIZE);
    this.pending = bytes.subarray(GREETING_SIZE);
    this.state = "traffic";
    const mechanism = greeting.toString("latin1", 12, 32).replace(/\0+$/, "");
    const signature = greeting[9] & 0x01 ? "" : ` (signature octet 9 is 0x${greeting[9].toString(16).padStart(2, "0")}, not 0x7F)`;
    return {
      kind: "greeting",
      text: `greeting ZMTP ${greeting[10]}.${greeting[11]} mechanism ${JSON.stringify(mechanism)} as-server ${greeting[32]}${signature}`,
      hex: showHex(greeting),
    };
  }

  private traffic(): DecodedItem | null {
    if (this.frame === null && !this.startFrame()) return null;
    const f = this.frame!;
    const wanted = f.size - f.received;
    const take = wanted < BigInt(this.pending.length) ? Number(wanted) : this.pending.length;
    if (take > 0) {
      const piece = this.pending.subarray(0, take);
      if (f.keptLength < WHOLE_BODY_LIMIT) {
        const room = WHOLE_BODY_LIMIT - f.keptLength;
        f.kept.push(piece.subarray(0, room));
        f.keptLength += Math.min(room, piece.length);
      }
      f.received += BigInt(take);
      this.pending = this.pending.subarray(take);
    }
    if (f.received < f.size) return null;
    this.frame = null;
    return describeFrame(f.flags, f.size, f.header, Buffer.concat(f.kept));
  }

  /** Reads a frame header off `pending`; false while it is incomplete. */
  private startFrame(): boolean {
    const bytes = this.pending;
    if (bytes.length < 1) return false;
    const flags = bytes[0];
    const headerLength = flags & LONG ? 9 : 2;
    if (bytes.length < headerLength) return false;
    const size = flags & LONG ? bytes.readBigUInt64BE(1) : BigInt(bytes[1]);
    this.frame = { flags, size, header: Buffer.from(bytes.subarray(0, headerLength)), kept: [], keptLength: 0, received: 0n };
    this.pending = bytes.subarray(headerLength);
    return true;
  }
}

function describeFrame(flags: number, size: bigint, header: Buffer, body: Buffer): DecodedItem {
  const flagNames = [
    flags & MORE ? "MORE" : "",
    flags & LONG ? "LONG" : "",
    flags & RESERVED_BITS ? `reserved bits 0x${(flags & RESERVED_BITS).toString(16)}` : "",
  ]
    .filter((n) => n !== "")
    .join(" ");
  const shownHex = showHex(Buffer.concat([header, body.subarray(0, TRANSCRIPT_LIMITS.hexOctets)]));
  const sizeText = `${size} B${flags & LONG && size < 256n ? " (in the long form)" : ""}`;
  if (flags & COMMAND) {
    const command = BigInt(body.length) === size ? splitCommand(body) : null;
    const text = command === null ? `command frame ${sizeText} whose name does not fit in it` : describeCommand(command.name, command.data);
    return { kind: "command", text: flagNames === "" ? text : `${text} [${flagNames}]`, hex: shownHex };
  }
  return { kind: "frame", text: `frame${flagNames === "" ? "" : ` ${flagNames}`} ${sizeText}${size === 0n ? "" : ` ${preview(body, size)}`}`, hex: shownHex };
}

function describeCommand(name: string, data: Buffer): string {
  switch (name) {
    case "READY": {
      const parsed = parseProperties(data);
      if (!parsed.ok) return `READY with malformed metadata: ${parsed.reason}`;
      return ["READY", ...parsed.properties.map(([n, v]) => `${n}=${quoted(v)}`)].join(" ");
    }
    case "SUBSCRIBE":
    case "CANCEL":
      return `${name} ${quoted(data)}`;
    case "PING":
      return data.length < 2 ? `PING too short (${data.length} octets)` : `PING ttl ${data.readUInt16BE(0)} context ${quoted(data.subarray(2))}`;
    case "PONG":
      return `PONG context ${quoted(data)}`;
    case "ERROR":
      return data.length < 1 ? "ERROR without a reason" : `ERROR ${quoted(data.subarray(1, 1 + data[0]))}`;
    default:
      return `${JSON.stringify(name)} command with ${data.length} octets of data`;
  }
}

/** A body's start as text when it reads as text, as hex otherwise. */
function preview(body: Buffer, size: bigint): string {
  const shown = body.subarray(0, TRANSCRIPT_LIMITS.previewChars);
  const more = size > BigInt(shown.length) ? " …" : "";
  return /^[\x20-\x7e]*$/.test(shown.toString("latin1")) ? `${JSON.stringify(shown.toString("latin1"))}${more}` : `${hex(shown.subarray(0, 16))}${more}`;
}

function quoted(value: Buffer): string {
  const shown = value.subarray(0, TRANSCRIPT_LIMITS.previewChars);
  const text = /^[\x20-\x7e]*$/.test(shown.toString("latin1")) ? JSON.stringify(shown.toString("latin1")) : `0x${shown.toString("hex")}`;
  return value.length > shown.length ? `${text}… (${value.length} octets)` : text;
}

function octets(bytes: Buffer, what: string): DecodedItem {
  return { kind: "bytes", text: `${bytes.length} ${what}`, hex: showHex(bytes) };
}

function showHex(bytes: Buffer): string {
  const shown = hex(bytes.subarray(0, TRANSCRIPT_LIMITS.hexOctets));
  return bytes.length > TRANSCRIPT_LIMITS.hexOctets ? `${shown} … (${bytes.length} octets)` : shown;
}
