/**
 * ZMTP 3.x bytes written out by hand from RFC 23/37, independently of reference/zmtp, so that
 * the wire tests do not check the reference's encoder against itself.
 */

export const MORE = 0x01;
export const LONG = 0x02;
export const COMMAND = 0x04;

export interface GreetingFields {
  signatureStart?: number;
  signatureEnd?: number;
  major?: number;
  minor?: number;
  mechanism?: string;
  asServer?: number;
}

/** 0xFF, 8 padding bytes, 0x7F, major, minor, mechanism NUL-padded to 20, as-server, 31 zeros. */
export function greeting(fields: GreetingFields = {}): Buffer {
  const out = Buffer.alloc(64);
  out[0] = fields.signatureStart ?? 0xff;
  out[9] = fields.signatureEnd ?? 0x7f;
  out[10] = fields.major ?? 3;
  out[11] = fields.minor ?? 1;
  out.write(fields.mechanism ?? "NULL", 12, "ascii");
  out[32] = fields.asServer ?? 0;
  return out;
}

/** A frame with the short (1-byte) size when the body fits, else the long (8-byte) one. */
export function frame(flags: number, body: Buffer | string): Buffer {
  const data = Buffer.from(body);
  if (data.length <= 255) return Buffer.concat([Buffer.from([flags & ~LONG, data.length]), data]);
  const header = Buffer.alloc(9);
  header[0] = flags | LONG;
  header.writeBigUInt64BE(BigInt(data.length), 1);
  return Buffer.concat([header, data]);
}

/** A data message: MORE on every frame but the last. */
export function message(frames: Array<Buffer | string>): Buffer {
  return Buffer.concat(frames.map((f, i) => frame(i < frames.length - 1 ? MORE : 0, f)));
}

/** A command frame: name length, name, data. */
export function command(name: string, data: Buffer | string = Buffer.alloc(0), flags = COMMAND): Buffer {
  const body = Buffer.concat([Buffer.from([name.length]), Buffer.from(name, "ascii"), Buffer.from(data)]);
  return frame(flags, body);
}

/** READY properties: 1-byte name length, name, 4-byte big-endian value length, value. */
export function properties(props: Array<[string, Buffer | string]>): Buffer {
  return Buffer.concat(
    props.map(([name, value]) => {
      const v = Buffer.from(value);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(v.length);
      return Buffer.concat([Buffer.from([name.length]), Buffer.from(name, "ascii"), length, v]);
    }),
  );
}

/** READY with Socket-Type, plus Identity when given. */
export function ready(socketType: string, identity?: Buffer | string): Buffer {
  const props: Array<[string, Buffer | string]> = [["Socket-Type", socketType]];
  if (identity !== undefined) props.push(["Identity", identity]);
  return command("READY", properties(props));
}

/** PING: 2-byte TTL in tenths of a second, then the context. */
export function ping(ttl: number, context: Buffer | string): Buffer {
  const data = Buffer.alloc(2);
  data.writeUInt16BE(ttl);
  return command("PING", Buffer.concat([data, Buffer.from(context)]));
}
