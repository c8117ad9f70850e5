/**
 * ZMTP bytes written out by hand from RFC 23 (ZMTP 3.0), RFC 37 (ZMTP 3.1) and RFC 15 (ZMTP 2.0),
 * for the scripted raw peer. Deliberately independent of any implementation's codec: these
 * scenarios check codecs, so they must not build their expectations with one.
 */

export const MORE = 0x01;
export const LONG = 0x02;
export const COMMAND = 0x04;
/** Bits 7-3 of the flags byte: "reserved for future use and MUST be zero" (RFC 23 Framing). */
export const RESERVED_BITS = 0xf8;

export const GREETING_SIZE = 64;

export interface GreetingFields {
  /** Byte 0 and byte 9 of the signature (0xFF, 0x7F), for peers that get it wrong. */
  signatureStart?: number;
  signatureEnd?: number;
  major?: number;
  minor?: number;
  mechanism?: string;
  asServer?: number;
}

/** 0xFF, 8 zero padding bytes, 0x7F, major, minor, mechanism NUL-padded to 20, as-server, 31 zeros. */
export function greeting(fields: GreetingFields = {}): Buffer {
  const out = Buffer.alloc(GREETING_SIZE);
  out[0] = fields.signatureStart ?? 0xff;
  out[9] = fields.signatureEnd ?? 0x7f;
  out[10] = fields.major ?? 3;
  out[11] = fields.minor ?? 1;
  out.write(fields.mechanism ?? "NULL", 12, "latin1");
  out[32] = fields.asServer ?? 0;
  return out;
}

/** One frame; `long` forces the 8-byte size even for a body that would fit in one byte. */
export function frame(flags: number, body: Buffer | string, long = Buffer.byteLength(body) > 255): Buffer {
  const data = Buffer.from(body);
  if (!long) return Buffer.concat([Buffer.from([flags & ~LONG, data.length]), data]);
  const header = Buffer.alloc(9);
  header[0] = flags | LONG;
  header.writeBigUInt64BE(BigInt(data.length), 1);
  return Buffer.concat([header, data]);
}

/** A data message: MORE on every frame but the last. */
export function message(frames: Array<Buffer | string>): Buffer {
  return Buffer.concat(frames.map((f, i) => frame(i < frames.length - 1 ? MORE : 0, f)));
}

/** A command frame: name length, name, data. `flags` lets a scenario add bits it should not. */
export function command(name: string, data: Buffer | string = Buffer.alloc(0), flags = COMMAND): Buffer {
  return frame(flags, Buffer.concat([Buffer.from([name.length]), Buffer.from(name, "latin1"), Buffer.from(data)]));
}

/** READY properties: 1-byte name length, name, 4-byte big-endian value length, value. */
export function properties(props: Array<[string, Buffer | string]>): Buffer {
  return Buffer.concat(
    props.map(([name, value]) => {
      const v = Buffer.from(value);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(v.length);
      return Buffer.concat([Buffer.from([name.length]), Buffer.from(name, "latin1"), length, v]);
    }),
  );
}

/** READY with Socket-Type, plus Identity when given. */
export function ready(socketType: string, identity?: Buffer | string): Buffer {
  const props: Array<[string, Buffer | string]> = [["Socket-Type", socketType]];
  if (identity !== undefined) props.push(["Identity", identity]);
  return command("READY", properties(props));
}

/** PING (RFC 37): 2-byte big-endian TTL in tenths of a second, then up to 16 bytes of context. */
export function ping(ttl: number, context: Buffer | string): Buffer {
  const data = Buffer.alloc(2);
  data.writeUInt16BE(ttl);
  return command("PING", Buffer.concat([data, Buffer.from(context)]));
}

/** ZMTP 2.0 (RFC 15) socket-type octets. */
export const ZMTP2_SOCKET_TYPE = { PAIR: 0, PUB: 1, SUB: 2, REQ: 3, REP: 4, DEALER: 5, ROUTER: 6, PULL: 7, PUSH: 8 } as const;

/** A ZMTP 2.0 greeting: signature, revision 0x01, socket type, then an (empty) identity frame. */
export function zmtp2Greeting(socketType: keyof typeof ZMTP2_SOCKET_TYPE): Buffer {
  return Buffer.from([0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0x7f, 0x01, ZMTP2_SOCKET_TYPE[socketType], 0x00, 0x00]);
}

export interface ParsedFrame {
  flags: number;
  /** The size as declared (a bigint: a peer may declare anything up to 2^64-1). */
  size: bigint;
  /** 2 for a short header, 9 for a long one. */
  headerLength: number;
  body: Buffer;
  /** Offset just after the frame. */
  end: number;
}

/** The frame starting at `at`, or null while it is incomplete. */
export function parseFrame(bytes: Buffer, at: number): ParsedFrame | null {
  if (bytes.length < at + 1) return null;
  const flags = bytes[at];
  const headerLength = flags & LONG ? 9 : 2;
  if (bytes.length < at + headerLength) return null;
  const size = flags & LONG ? bytes.readBigUInt64BE(at + 1) : BigInt(bytes[at + 1]);
  if (BigInt(bytes.length - at - headerLength) < size) return null;
  const end = at + headerLength + Number(size);
  return { flags, size, headerLength, body: Buffer.from(bytes.subarray(at + headerLength, end)), end };
}

/** A command frame's body as name and data, or null when the name length runs past the body. */
export function splitCommand(body: Buffer): { name: string; data: Buffer } | null {
  if (body.length < 1 || 1 + body[0] > body.length) return null;
  return { name: body.toString("latin1", 1, 1 + body[0]), data: body.subarray(1 + body[0]) };
}

/**
 * READY metadata (RFC 23 NULL mechanism grammar): property = name value; name = OCTET
 * 1*255name-char; value = 4OCTET *OCTET. Returns the properties in order, with their names as
 * sent, or the reason the bytes do not match the grammar.
 */
export function parseProperties(data: Buffer): { ok: true; properties: Array<[string, Buffer]> } | { ok: false; reason: string } {
  const out: Array<[string, Buffer]> = [];
  let at = 0;
  while (at < data.length) {
    const nameLength = data[at];
    if (nameLength === 0) return { ok: false, reason: `empty property name at offset ${at}` };
    if (at + 1 + nameLength + 4 > data.length) return { ok: false, reason: `property at offset ${at} runs past the end` };
    const name = data.toString("latin1", at + 1, at + 1 + nameLength);
    if (!/^[A-Za-z0-9\-_.+]+$/.test(name)) return { ok: false, reason: `property name ${JSON.stringify(name)} has characters outside name-char` };
    const valueLength = data.readUInt32BE(at + 1 + nameLength);
    const valueStart = at + 1 + nameLength + 4;
    if (valueStart + valueLength > data.length) return { ok: false, reason: `value of ${name} (${valueLength} bytes) runs past the end` };
    out.push([name, Buffer.from(data.subarray(valueStart, valueStart + valueLength))]);
    at = valueStart + valueLength;
  }
  return { ok: true, properties: out };
}

/** A property's value by case-insensitive name (RFC 23: "Metadata names SHALL be case-insensitive"). */
export function property(props: Array<[string, Buffer]>, name: string): Buffer | undefined {
  return props.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

export function hex(bytes: Buffer): string {
  return bytes.toString("hex").replace(/(..)(?!$)/g, "$1 ");
}
