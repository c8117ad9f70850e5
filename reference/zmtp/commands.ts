/**
 * The ZMTP 3.0/3.1 commands a NULL-mechanism connection uses (RFC 23, RFC 37):
 * READY and its properties, ERROR, PING/PONG, SUBSCRIBE/CANCEL, and the 3.0
 * message form of subscriptions. Encoders return whole command frames (ready for
 * FrameBatcher.pushFrame); decoders take the command data after the name, as
 * FrameDecoder's `command` event delivers it.
 */
import { encodeCommand } from "./frame-encoder";

/** name-char = ALPHA | DIGIT | "-" | "_" | "." | "+" (RFC 23, NULL mechanism grammar). */
function isNameChar(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x2d || // -
    c === 0x5f || // _
    c === 0x2e || // .
    c === 0x2b // +
  );
}

/** Property values are at most 2^31-1 bytes (RFC 23: INT32_MAX). */
const MAX_VALUE_LENGTH = 0x7fff_ffff;
const MAX_PING_CONTEXT = 16;
const MAX_IDENTITY = 255;

/** Properties of READY (and the metadata of RFC 23): 1-byte name length, name, 4-byte big-endian value length, value. */
export function encodeProperties(props: Array<[string, Buffer]>): Buffer {
  let total = 0;
  for (const [name, value] of props) {
    if (name.length < 1 || name.length > 255) {
      throw new RangeError(`property name must be 1..255 characters, got ${JSON.stringify(name)}`);
    }
    for (let i = 0; i < name.length; i++) {
      if (!isNameChar(name.charCodeAt(i))) {
        throw new RangeError(`property name ${JSON.stringify(name)} has an invalid character at ${i}`);
      }
    }
    if (value.length > MAX_VALUE_LENGTH) {
      throw new RangeError(`property ${name} value of ${value.length} bytes exceeds 2^31-1`);
    }
    total += 1 + name.length + 4 + value.length;
  }
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  for (const [name, value] of props) {
    out[at++] = name.length;
    at += out.write(name, at, "latin1");
    at = out.writeUInt32BE(value.length, at);
    out.set(value, at);
    at += value.length;
  }
  return out;
}

export type PropertiesResult =
  { ok: true; properties: Map<string, Buffer> /* names lower-cased: names are case-insensitive */ } | { ok: false; reason: string };

/**
 * Parses a property list. Values are views of `data` (no copy). Names are
 * lower-cased (RFC 23: case is not significant). A repeated name keeps its first
 * value, as libzmq's metadata map (std::map insert) does.
 */
export function decodeProperties(data: Buffer): PropertiesResult {
  const properties = new Map<string, Buffer>();
  let at = 0;
  while (at < data.length) {
    const nameLength = data[at];
    if (nameLength === 0) return fail(`empty property name at offset ${at}`);
    const nameStart = at + 1;
    const nameEnd = nameStart + nameLength;
    if (nameEnd > data.length) {
      return fail(`property name of ${nameLength} bytes at offset ${at} runs past the ${data.length}-byte data`);
    }
    for (let i = nameStart; i < nameEnd; i++) {
      if (!isNameChar(data[i])) {
        return fail(`property name has invalid character 0x${data[i].toString(16).padStart(2, "0")} at offset ${i}`);
      }
    }
    const name = data.toString("latin1", nameStart, nameEnd).toLowerCase();
    if (nameEnd + 4 > data.length) {
      return fail(`property ${name}: value length truncated (${data.length - nameEnd} of 4 bytes)`);
    }
    const valueLength = data.readUInt32BE(nameEnd);
    if (valueLength > MAX_VALUE_LENGTH) {
      return fail(`property ${name}: value length ${valueLength} exceeds 2^31-1`);
    }
    const valueStart = nameEnd + 4;
    const valueEnd = valueStart + valueLength;
    if (valueEnd > data.length) {
      return fail(`property ${name}: value of ${valueLength} bytes runs past the data (${data.length - valueStart} left)`);
    }
    if (!properties.has(name)) properties.set(name, data.subarray(valueStart, valueEnd));
    at = valueEnd;
  }
  return { ok: true, properties };
}

function fail(reason: string): PropertiesResult {
  return { ok: false, reason };
}

/**
 * READY for the NULL mechanism: Socket-Type, then Identity when one is given
 * (it may be empty: RFC 23's DEALER example sends an empty Identity).
 */
export function encodeReady(socketType: string, identity?: Buffer): Buffer {
  const props: Array<[string, Buffer]> = [["Socket-Type", Buffer.from(socketType, "latin1")]];
  if (identity !== undefined) {
    // identity = 0*255OCTET (RFC 23); libzmq refuses longer routing ids too.
    if (identity.length > MAX_IDENTITY) {
      throw new RangeError(`identity of ${identity.length} bytes exceeds ${MAX_IDENTITY}`);
    }
    props.push(["Identity", identity]);
  }
  return encodeCommand("READY", encodeProperties(props));
}

/** PING (RFC 37): 2-byte big-endian TTL in tenths of a second, then up to 16 bytes of context. */
export function encodePing(ttlDeciseconds: number, context?: Buffer): Buffer {
  if (!Number.isInteger(ttlDeciseconds) || ttlDeciseconds < 0 || ttlDeciseconds > 0xffff) {
    throw new RangeError(`PING TTL must be 0..65535 deciseconds, got ${ttlDeciseconds}`);
  }
  const ctx = context ?? Buffer.alloc(0);
  checkContext(ctx);
  const data = Buffer.allocUnsafe(2 + ctx.length);
  data.writeUInt16BE(ttlDeciseconds, 0);
  data.set(ctx, 2);
  return encodeCommand("PING", data);
}

/** Parses PING data; the context is a view of `data`. Null if malformed. */
export function decodePing(data: Buffer): { ttl: number; context: Buffer } | null {
  if (data.length < 2 || data.length - 2 > MAX_PING_CONTEXT) return null;
  return { ttl: data.readUInt16BE(0), context: data.subarray(2) };
}

/** PONG echoes the PING's context (RFC 37). */
export function encodePong(context: Buffer): Buffer {
  checkContext(context);
  return encodeCommand("PONG", context);
}

function checkContext(context: Buffer): void {
  if (context.length > MAX_PING_CONTEXT) {
    throw new RangeError(`ping context of ${context.length} bytes exceeds ${MAX_PING_CONTEXT}`);
  }
}

/** ZMTP 3.1 SUBSCRIBE command frame. */
export function encodeSubscribe(topic: Buffer): Buffer {
  return encodeCommand("SUBSCRIBE", topic);
}

/** ZMTP 3.1 CANCEL command frame. */
export function encodeCancel(topic: Buffer): Buffer {
  return encodeCommand("CANCEL", topic);
}

/** ZMTP 3.0 subscriptions are ordinary one-frame messages: 0x01+topic subscribes, 0x00+topic cancels. */
export function legacySubscription(subscribe: boolean, topic: Buffer): Buffer {
  const out = Buffer.allocUnsafe(1 + topic.length);
  out[0] = subscribe ? 1 : 0;
  out.set(topic, 1);
  return out;
}

/**
 * Reads a one-frame message as a 3.0 subscription; the topic is a view of
 * `frame`. Null when the first byte is neither 0 nor 1 (or the frame is empty):
 * then it is not a subscription (libzmq's XPUB hands such messages to the user).
 */
export function parseLegacySubscription(frame: Buffer): { subscribe: boolean; topic: Buffer } | null {
  if (frame.length === 0 || frame[0] > 1) return null;
  return { subscribe: frame[0] === 1, topic: frame.subarray(1) };
}

/** ERROR command (RFC 23): 1-byte reason length, then the reason. */
export function encodeError(reason: string): Buffer {
  const text = Buffer.from(reason, "utf8");
  if (text.length > 255) throw new RangeError(`ERROR reason of ${text.length} bytes exceeds 255`);
  const data = Buffer.allocUnsafe(1 + text.length);
  data[0] = text.length;
  data.set(text, 1);
  return encodeCommand("ERROR", data);
}
