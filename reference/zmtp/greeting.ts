/**
 * The 64-byte ZMTP 3.x greeting (RFC 23 / RFC 37, "Formal Grammar"):
 *
 *   offset  0      0xFF            signature start
 *           1..8   padding         "not significant": never validated (RFC 23)
 *           9      0x7F            signature end; its low bit tells 1.0 peers apart
 *          10      major           3
 *          11      minor           0 (3.0) or 1 (3.1)
 *          12..31  mechanism       ASCII, NUL-padded to 20 bytes
 *          32      as-server       0 or 1
 *          33..63  filler          zeros (not validated: nothing depends on them)
 *
 * We always send the whole greeting at once (libzmq stalls a peer that waits for
 * its full 64 bytes before sending its own), so we never need the staged
 * 10/11-byte exchange, and we do not speak ZMTP 1.0/2.0.
 */
import { hexByte } from "./frame-flags";

export const GREETING_SIZE = 64;

const SIGNATURE_START = 0xff;
const SIGNATURE_END = 0x7f;
const OFFSET_SIGNATURE_END = 9;
const OFFSET_MAJOR = 10;
const OFFSET_MINOR = 11;
const OFFSET_MECHANISM = 12;
const MECHANISM_SIZE = 20;
const OFFSET_AS_SERVER = OFFSET_MECHANISM + MECHANISM_SIZE; // 32

export interface Greeting {
  major: number;
  minor: number;
  mechanism: string;
  asServer: boolean;
}

export type GreetingResult = { state: "incomplete" } | { state: "complete"; greeting: Greeting } | { state: "invalid"; reason: string };

/** mechanism-char = "A"-"Z" | DIGIT | "-" | "_" | "." | "+" (RFC 23); NUL is only padding. */
function isMechanismChar(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x2d || // -
    c === 0x5f || // _
    c === 0x2e || // .
    c === 0x2b // +
  );
}

export function encodeGreeting(g?: Partial<Greeting>): Buffer {
  const major = g?.major ?? 3;
  const minor = g?.minor ?? 1;
  const mechanism = g?.mechanism ?? "NULL";
  const asServer = g?.asServer ?? false;

  for (const [name, v] of [
    ["major", major],
    ["minor", minor],
  ] as const) {
    if (!Number.isInteger(v) || v < 0 || v > 255) throw new RangeError(`greeting ${name} must be a byte, got ${v}`);
  }
  // Refuse to send what our own readGreeting (and libzmq) would reject.
  // That includes a major below 3, which readGreeting rejects (found by greeting.property.test.ts).
  if (major < 3) throw new RangeError(`greeting major must be 3 or more (ZMTP 3.x), got ${major}`);
  if (mechanism.length === 0 || mechanism.length > MECHANISM_SIZE) {
    throw new RangeError(`mechanism must be 1..${MECHANISM_SIZE} characters, got ${JSON.stringify(mechanism)}`);
  }
  for (let i = 0; i < mechanism.length; i++) {
    if (!isMechanismChar(mechanism.charCodeAt(i))) {
      throw new RangeError(`mechanism ${JSON.stringify(mechanism)} has an invalid character at ${i}`);
    }
  }

  // alloc (zeroed): padding, mechanism NUL padding and filler are all zeros.
  const out = Buffer.alloc(GREETING_SIZE);
  out[0] = SIGNATURE_START;
  out[OFFSET_SIGNATURE_END] = SIGNATURE_END;
  out[OFFSET_MAJOR] = major;
  out[OFFSET_MINOR] = minor;
  out.write(mechanism, OFFSET_MECHANISM, "latin1");
  out[OFFSET_AS_SERVER] = asServer ? 1 : 0;
  return out;
}

/**
 * Examines the peer's greeting as it arrives (bytes = everything received so far,
 * possibly more than 64 bytes: only the first 64 are the greeting). Each check runs
 * as soon as its byte is present, so a non-ZMTP-3 peer is rejected after 1, 10 or
 * 11 bytes instead of after a 30 s handshake timeout.
 */
export function readGreeting(bytes: Buffer): GreetingResult {
  const n = Math.min(bytes.length, GREETING_SIZE);

  if (n > 0 && bytes[0] !== SIGNATURE_START) {
    return invalid(`greeting byte 0 is ${hexByte(bytes[0])}, expected 0xFF (a ZMTP 1.0 peer, or not ZMTP)`);
  }
  // Bytes 1..8 are padding: RFC 23 says a peer MUST NOT validate them.
  if (n > OFFSET_SIGNATURE_END && (bytes[OFFSET_SIGNATURE_END] & 1) === 0) {
    // RFC 23 version detection: low bit clear means a ZMTP 1.0 long identity length.
    return invalid(`greeting byte 9 is ${hexByte(bytes[OFFSET_SIGNATURE_END])}, low bit clear: ZMTP 1.0/2.0 peers are not supported`);
  }
  if (n > OFFSET_SIGNATURE_END && bytes[OFFSET_SIGNATURE_END] !== SIGNATURE_END) {
    return invalid(`greeting byte 9 is ${hexByte(bytes[OFFSET_SIGNATURE_END])}, expected 0x7F`);
  }
  if (n > OFFSET_MAJOR && bytes[OFFSET_MAJOR] < 3) {
    return invalid(`greeting major version is ${bytes[OFFSET_MAJOR]}: ZMTP 1.0/2.0 peers are not supported`);
  }
  // Major >= 3 is accepted whatever it is (RFC 23: a peer MUST accept higher versions).
  // The minor version (byte 11) needs no check: 3.0 and 3.1 frame identically.

  // Mechanism: one or more mechanism-chars, then only NULs.
  const mechEnd = Math.min(n, OFFSET_MECHANISM + MECHANISM_SIZE);
  let nameLength = -1; // index of the first NUL, relative to the mechanism start
  for (let i = OFFSET_MECHANISM; i < mechEnd; i++) {
    const c = bytes[i];
    const rel = i - OFFSET_MECHANISM;
    if (c === 0) {
      if (rel === 0) return invalid("greeting mechanism is empty (byte 12 is 0x00)");
      if (nameLength < 0) nameLength = rel;
    } else if (nameLength >= 0) {
      return invalid(`greeting mechanism has ${hexByte(c)} at byte ${i} after its NUL padding`);
    } else if (!isMechanismChar(c)) {
      return invalid(`greeting mechanism has invalid character ${hexByte(c)} at byte ${i}`);
    }
  }

  if (n > OFFSET_AS_SERVER && bytes[OFFSET_AS_SERVER] > 1) {
    return invalid(`greeting as-server byte (32) is ${hexByte(bytes[OFFSET_AS_SERVER])}, expected 0x00 or 0x01`);
  }
  // Filler (33..63) is not validated: libzmq does not either, and nothing depends on it.

  if (n < GREETING_SIZE) return { state: "incomplete" };

  if (nameLength < 0) nameLength = MECHANISM_SIZE; // all 20 bytes used, no padding
  return {
    state: "complete",
    greeting: {
      major: bytes[OFFSET_MAJOR],
      minor: bytes[OFFSET_MINOR],
      mechanism: bytes.toString("latin1", OFFSET_MECHANISM, OFFSET_MECHANISM + nameLength),
      asServer: bytes[OFFSET_AS_SERVER] === 1,
    },
  };
}

function invalid(reason: string): GreetingResult {
  return { state: "invalid", reason };
}
