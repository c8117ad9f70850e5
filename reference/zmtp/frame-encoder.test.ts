import { FrameDecoder } from "./frame-decoder";
import { encodeCommand, FrameBatcher, frameHeader } from "./frame-encoder";
import { FLAG_COMMAND, FLAG_LONG, FLAG_MORE } from "./frame-flags";

/** Decodes chunks (pushed one by one, as a socket would deliver writes) into messages and commands. */
function decodeAll(chunks: Buffer[]): { messages: Buffer[][]; commands: Array<[string, Buffer]>; errors: string[] } {
  const messages: Buffer[][] = [];
  const commands: Array<[string, Buffer]> = [];
  const errors: string[] = [];
  const d = new FrameDecoder({
    message: (f) => messages.push(f),
    command: (n, data) => commands.push([n, data]),
    error: (r) => errors.push(r),
  });
  for (const c of chunks) d.push(c);
  expect(d.bufferedBytes).toBe(0);
  return { messages, commands, errors };
}

function payload(n: number, seed: number): Buffer {
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) b[i] = (i * 7 + seed) & 0xff;
  return b;
}

describe("frameHeader", () => {
  test("flag values", () => {
    expect([FLAG_MORE, FLAG_LONG, FLAG_COMMAND]).toEqual([1, 2, 4]);
  });

  test("short form up to 255", () => {
    expect([...frameHeader(0, 0)]).toEqual([0, 0]);
    expect([...frameHeader(1, FLAG_MORE)]).toEqual([1, 1]);
    expect([...frameHeader(255, FLAG_COMMAND)]).toEqual([4, 255]);
  });

  test("long form from 256, 8-byte big-endian", () => {
    expect([...frameHeader(256, 0)]).toEqual([2, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect([...frameHeader(256, FLAG_MORE)]).toEqual([3, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect([...frameHeader(2 ** 32 + 5, FLAG_COMMAND)]).toEqual([6, 0, 0, 0, 1, 0, 0, 0, 5]);
    expect([...frameHeader(Number.MAX_SAFE_INTEGER, 0)]).toEqual([2, 0x00, 0x1f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
  });

  test("the LONG flag follows the size, not the caller", () => {
    expect(frameHeader(3, FLAG_LONG | FLAG_MORE)[0]).toBe(FLAG_MORE);
    expect(frameHeader(300, 0)[0]).toBe(FLAG_LONG);
  });

  test("an invalid size is named in the error", () => {
    expect(() => frameHeader(-1, 0)).toThrow(new RangeError("invalid frame size -1"));
    expect(() => frameHeader(NaN, 0)).toThrow(new RangeError("invalid frame size NaN"));
  });

  test("invalid sizes throw", () => {
    expect(() => frameHeader(-1, 0)).toThrow(RangeError);
    expect(() => frameHeader(1.5, 0)).toThrow(RangeError);
    expect(() => frameHeader(2 ** 53, 0)).toThrow(RangeError);
  });
});

describe("encodeCommand", () => {
  test("short command: flags, size, name length, name, data", () => {
    expect([...encodeCommand("PING", Buffer.from([0, 10]))]).toEqual([0x04, 7, 4, 0x50, 0x49, 0x4e, 0x47, 0, 10]);
    expect([...encodeCommand("PONG")]).toEqual([0x04, 5, 4, 0x50, 0x4f, 0x4e, 0x47]);
  });

  test("a body over 255 bytes uses the long form", () => {
    const data = payload(300, 1);
    const f = encodeCommand("READY", data);
    expect(f.length).toBe(9 + 1 + 5 + 300);
    expect([...f.subarray(0, 9)]).toEqual([0x06, 0, 0, 0, 0, 0, 0, 0x01, 0x32]); // 306
    const { commands } = decodeAll([f]);
    expect(commands).toHaveLength(1);
    expect(commands[0][0]).toBe("READY");
    expect(commands[0][1].equals(data)).toBe(true);
  });

  test("a refused name is quoted in the error", () => {
    expect(() => encodeCommand("PI NG")).toThrow(new RangeError('command name must be 1..255 ASCII letters, got "PI NG"'));
    expect(() => encodeCommand("")).toThrow(new RangeError('command name must be 1..255 ASCII letters, got ""'));
  });

  test("names must be 1..255 letters", () => {
    expect(() => encodeCommand("")).toThrow(RangeError);
    expect(() => encodeCommand("PI NG")).toThrow(RangeError);
    expect(() => encodeCommand("X".repeat(256))).toThrow(RangeError);
    const longest = encodeCommand("X".repeat(255)); // body 256: long form, name length at offset 9
    expect(longest[0]).toBe(0x06);
    expect(longest[9]).toBe(255);
  });
});

describe("FrameBatcher", () => {
  test("take() on a fresh batcher returns an empty array", () => {
    const b = new FrameBatcher();
    expect(b.take()).toEqual([]);
    expect(b.pendingBytes).toBe(0);
  });

  test("many tiny messages land in few chunks and round-trip", () => {
    const b = new FrameBatcher();
    const sent: Buffer[] = [];
    for (let i = 0; i < 10000; i++) {
      const m = payload(16, i);
      sent.push(m);
      b.pushMessage([m]);
    }
    expect(b.pendingBytes).toBe(10000 * 18);
    const chunks = b.take();
    expect(b.pendingBytes).toBe(0);
    // 180,000 bytes: a 64 KiB scratch, then a 128 KiB one; nowhere near one chunk per frame
    expect(chunks.length).toBeLessThanOrEqual(3);
    expect(chunks.reduce((n, c) => n + c.length, 0)).toBe(10000 * 18);
    const { messages, errors } = decodeAll(chunks);
    expect(errors).toEqual([]);
    expect(messages).toHaveLength(10000);
    // one assertion over all 10,000 (an expect per message would dominate the run time)
    const firstBad = messages.findIndex((m, i) => m.length !== 1 || !m[0].equals(sent[i]));
    expect(firstBad).toBe(-1);
  });

  test("multipart messages, empty frames and commands keep their order and flags", () => {
    const b = new FrameBatcher();
    b.pushMessage([Buffer.from("a"), Buffer.alloc(0), payload(300, 2)]);
    b.pushFrame(encodeCommand("PING", Buffer.from([0, 1])));
    b.pushMessage([Buffer.alloc(0)]);
    const { messages, commands, errors } = decodeAll(b.take());
    expect(errors).toEqual([]);
    expect(messages.map((m) => m.map((f) => f.toString("hex")))).toEqual([["61", "", payload(300, 2).toString("hex")], [""]]);
    expect(commands.map(([n, d]) => [n, d.toString("hex")])).toEqual([["PING", "0001"]]);
  });

  test("a 1 MiB body is passed by reference, never copied", () => {
    const b = new FrameBatcher();
    const big = payload(1024 * 1024, 3);
    b.pushMessage([Buffer.from("hdr")]);
    b.pushMessage([Buffer.from("routing"), big]);
    b.pushMessage([Buffer.from("after")]);
    expect(b.pendingBytes).toBe(5 + 9 + 9 + big.length + 7);
    const chunks = b.take();
    // [small frames + big's header] [big itself] [small frames after]
    expect(chunks).toHaveLength(3);
    expect(chunks[1]).toBe(big);
    expect(chunks[1].buffer).toBe(big.buffer);
    expect(chunks[0].buffer).not.toBe(big.buffer);
    expect(chunks[0].length).toBe(5 + 9 + 9); // "hdr" frame, "routing" frame, big's long header

    const { messages, errors } = decodeAll(chunks);
    expect(errors).toEqual([]);
    expect(messages.map((m) => m.length)).toEqual([1, 2, 1]);
    expect(messages[1][1].equals(big)).toBe(true);
    // The body arrives as its own chunk, so the decoder also hands it on without a copy.
    expect(messages[1][1].buffer).toBe(big.buffer);
  });

  test("copyThreshold decides what is copied; pushFrame follows it too", () => {
    const b = new FrameBatcher(4);
    const three = Buffer.from("abc");
    const four = Buffer.from("abcd");
    b.pushMessage([three]);
    b.pushMessage([four]);
    const chunks = b.take();
    expect(chunks).toHaveLength(2);
    expect([...chunks[0]]).toEqual([0, 3, 0x61, 0x62, 0x63, 0, 4]);
    expect(chunks[1]).toBe(four);

    const cmd = encodeCommand("PING", Buffer.from([0, 0]));
    b.pushFrame(cmd);
    expect(b.take()[0]).toBe(cmd);
    const tiny = Buffer.from([0, 0]);
    b.pushFrame(tiny);
    const copied = b.take();
    expect(copied).toHaveLength(1);
    expect(copied[0]).not.toBe(tiny);
    expect([...copied[0]]).toEqual([0, 0]);
  });

  test("pushFrame passes a frame of exactly copyThreshold bytes by reference, as pushMessage does a body", () => {
    const b = new FrameBatcher(4);
    const frame = Buffer.from([0, 2, 0x61, 0x62]);
    b.pushFrame(frame);
    const chunks = b.take();
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toBe(frame);
  });

  test("traffic that exactly fills the 64 KiB scratch stays one chunk", () => {
    const b = new FrameBatcher();
    // 256 frames of 2 + 254 bytes: 65,536 bytes, the last one ending exactly at the scratch's end
    for (let i = 0; i < 256; i++) b.pushMessage([payload(254, i)]);
    const chunks = b.take();
    expect(chunks).toHaveLength(1);
    expect(chunks[0].length).toBe(64 * 1024);
    expect(chunks[0].buffer.byteLength).toBe(64 * 1024); // the whole scratch, no second one begun
  });

  test("each new scratch is twice the last, up to 1 MiB", () => {
    const b = new FrameBatcher();
    for (let i = 0; i < 30_000; i++) b.pushMessage([payload(254, i)]); // 7,500 KiB in 256-byte frames
    // Scratches of 4 KiB and more are allocations of their own, so buffer.byteLength is their size.
    const sizes = b.take().map((c) => c.buffer.byteLength / 1024);
    // 64 + 128 + 256 + 512 KiB, then the other 6,540 KiB in 1 MiB scratches
    expect(sizes).toEqual([64, 128, 256, 512, ...Array(7).fill(1024)]);
  });

  test("chunks returned by take() are never overwritten by later pushes", () => {
    const b = new FrameBatcher();
    b.pushMessage([payload(100, 1)]);
    const first = b.take();
    const snapshot = first.map((c) => Buffer.from(c));
    // Enough later traffic to fill the rest of the scratch and several more.
    for (let i = 0; i < 5000; i++) b.pushMessage([payload(200, i)]);
    const second = b.take();
    expect(first.map((c) => c.toString("hex"))).toEqual(snapshot.map((c) => c.toString("hex")));
    const { messages } = decodeAll([...first, ...second]);
    expect(messages).toHaveLength(5001);
    expect(messages[0][0].equals(payload(100, 1))).toBe(true);
    expect(messages[5000][0].equals(payload(200, 4999))).toBe(true);
  });

  test("small bodies share one allocation instead of one Buffer per frame", () => {
    const b = new FrameBatcher();
    for (let i = 0; i < 100; i++) b.pushMessage([payload(16, i)]);
    const chunks = b.take();
    expect(chunks).toHaveLength(1);
    for (let i = 0; i < 100; i++) b.pushMessage([payload(16, i)]);
    const later = b.take();
    expect(later).toHaveLength(1);
    // Same scratch, continuing right after the first chunk.
    expect(later[0].buffer).toBe(chunks[0].buffer);
    expect(later[0].byteOffset).toBe(chunks[0].byteOffset + chunks[0].length);
  });

  test("a message with no frames is refused", () => {
    expect(() => new FrameBatcher().pushMessage([])).toThrow(RangeError);
    expect(() => new FrameBatcher().pushMessage([])).toThrow(new RangeError("a message has at least one frame"));
  });

  test("copyThreshold must be 0 or more; 0 passes every body by reference", () => {
    expect(() => new FrameBatcher(-1)).toThrow(new RangeError("invalid copyThreshold -1"));
    expect(() => new FrameBatcher(NaN)).toThrow(new RangeError("invalid copyThreshold NaN"));
    const b = new FrameBatcher(0);
    const body = Buffer.from("x");
    b.pushMessage([body, Buffer.alloc(0)]);
    const chunks = b.take();
    // header of "x", "x" itself, then the empty frame's header (its empty body is no chunk)
    expect(chunks.map((c) => [...c])).toEqual([[1, 1], [0x78], [0, 0]]);
    expect(chunks[1]).toBe(body);
  });
});
