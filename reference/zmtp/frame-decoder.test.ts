import { constants as bufferConstants } from "buffer";
import { FrameDecoder } from "./frame-decoder";

type Event = { kind: "message"; frames: string[] } | { kind: "command"; name: string; data: string } | { kind: "error"; reason: string };

/** A decoder that records its events (frames as hex, so toEqual compares bytes). */
function recorder(maxFrameSize?: number): { decoder: FrameDecoder; events: Event[] } {
  const events: Event[] = [];
  const decoder = new FrameDecoder(
    {
      message: (frames) => events.push({ kind: "message", frames: frames.map((f) => f.toString("hex")) }),
      command: (name, data) => events.push({ kind: "command", name, data: data.toString("hex") }),
      error: (reason) => events.push({ kind: "error", reason }),
    },
    maxFrameSize,
  );
  return { decoder, events };
}

/** Encodes a frame by hand (independently of frame-encoder.ts). */
function frame(flags: number, body: Buffer, forceLong = false): Buffer {
  const long = forceLong || body.length > 255;
  const header = long ? Buffer.alloc(9) : Buffer.alloc(2);
  if (long) {
    header[0] = flags | 2;
    header.writeBigUInt64BE(BigInt(body.length), 1);
  } else {
    header[0] = flags;
    header[1] = body.length;
  }
  return Buffer.concat([header, body]);
}

function command(name: string, data: Buffer): Buffer {
  return frame(4, Buffer.concat([Buffer.from([name.length]), Buffer.from(name, "latin1"), data]));
}

function bytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}

const hexOf = (b: Buffer): string => b.toString("hex");

/** A stream of mixed frames and the events it must produce. */
function mixedStream(): { stream: Buffer; expected: Event[] } {
  const b255 = bytes(255, 1);
  const b256 = bytes(256, 2);
  const b300 = bytes(300, 3);
  const readyData = bytes(400, 4);
  const parts: Buffer[] = [];
  const expected: Event[] = [];
  // empty single-frame message
  parts.push(frame(0, Buffer.alloc(0)));
  expected.push({ kind: "message", frames: [""] });
  // 255 bytes: the largest short frame
  parts.push(frame(0, b255));
  expected.push({ kind: "message", frames: [hexOf(b255)] });
  // 256 bytes: the smallest frame that needs a long size
  parts.push(frame(0, b256));
  expected.push({ kind: "message", frames: [hexOf(b256)] });
  // a command between messages
  parts.push(command("PING", Buffer.from([0, 10, 0xaa])));
  expected.push({ kind: "command", name: "PING", data: "000aaa" });
  // multipart: short, empty, long, then a long-form encoding of a tiny last frame
  parts.push(frame(1, Buffer.from("abc")), frame(1, Buffer.alloc(0)), frame(1, b300), frame(0, Buffer.from("z"), true));
  expected.push({ kind: "message", frames: [hexOf(Buffer.from("abc")), "", hexOf(b300), hexOf(Buffer.from("z"))] });
  // a command whose body needs a long size
  parts.push(command("READY", readyData));
  expected.push({ kind: "command", name: "READY", data: hexOf(readyData) });
  // a command with no data after its name
  parts.push(command("PONG", Buffer.alloc(0)));
  expected.push({ kind: "command", name: "PONG", data: "" });
  // multipart ending with an empty frame
  parts.push(frame(1, Buffer.from([1, 2, 3])), frame(0, Buffer.alloc(0)));
  expected.push({ kind: "message", frames: ["010203", ""] });
  // a long-form empty frame
  parts.push(frame(0, Buffer.alloc(0), true));
  expected.push({ kind: "message", frames: [""] });
  return { stream: Buffer.concat(parts), expected };
}

describe("FrameDecoder: framing", () => {
  test("decodes a mixed stream pushed whole", () => {
    const { stream, expected } = mixedStream();
    const { decoder, events } = recorder();
    decoder.push(stream);
    expect(events).toEqual(expected);
    expect(decoder.bufferedBytes).toBe(0);
  });

  test("split at every byte boundary gives the same events as whole", () => {
    const { stream, expected } = mixedStream();
    for (let cut = 0; cut <= stream.length; cut++) {
      const { decoder, events } = recorder();
      decoder.push(stream.subarray(0, cut));
      decoder.push(stream.subarray(cut));
      expect(events).toEqual(expected);
      expect(decoder.bufferedBytes).toBe(0);
    }
  });

  test("split at every pair of byte boundaries (three chunks) gives the same events", () => {
    const { stream, expected } = mixedStream();
    // every (a, b) pair would be ~2M decodes; a stride on the second cut keeps it fast
    // while the first cut still visits every boundary.
    const want = JSON.stringify(expected); // string compare: toEqual thousands of times is slow
    let runs = 0;
    let firstMismatch: { a: number; b: number; events: Event[] } | null = null;
    for (let a = 0; a <= stream.length; a++) {
      for (let b = a; b <= stream.length; b += 97) {
        const { decoder, events } = recorder();
        decoder.push(stream.subarray(0, a));
        decoder.push(stream.subarray(a, b));
        decoder.push(stream.subarray(b));
        runs++;
        if (firstMismatch === null && JSON.stringify(events) !== want) firstMismatch = { a, b, events };
      }
    }
    expect(firstMismatch).toBeNull();
    expect(runs).toBeGreaterThan(stream.length);
  });

  test("one byte at a time gives the same events", () => {
    const { stream, expected } = mixedStream();
    const { decoder, events } = recorder();
    for (let i = 0; i < stream.length; i++) decoder.push(stream.subarray(i, i + 1));
    expect(events).toEqual(expected);
  });

  test("bufferedBytes counts the bytes of an incomplete frame", () => {
    const { decoder, events } = recorder();
    const f = frame(0, bytes(100, 9));
    decoder.push(f.subarray(0, 50));
    expect(decoder.bufferedBytes).toBe(48); // the 2 header bytes are consumed already
    decoder.push(f.subarray(50));
    expect(decoder.bufferedBytes).toBe(0);
    expect(events).toHaveLength(1);
  });

  test("a frame inside one chunk is a view of it; a straddling frame is one copy", () => {
    const chunk = Buffer.concat([frame(0, bytes(10, 1)), frame(1, bytes(20, 2)), frame(0, bytes(30, 3))]);
    const got: Buffer[][] = [];
    const d = new FrameDecoder({ message: (f) => got.push(f), command: () => {}, error: () => {} });
    d.push(chunk);
    expect(got).toHaveLength(2);
    expect(got[0][0].buffer).toBe(chunk.buffer);
    expect(got[0][0].byteOffset).toBe(chunk.byteOffset + 2);
    expect(got[1][0].buffer).toBe(chunk.buffer);
    expect(got[1][1].buffer).toBe(chunk.buffer);

    const big = frame(0, bytes(5000, 4));
    const first = big.subarray(0, 1000);
    const second = Buffer.from(big.subarray(1000)); // its own ArrayBuffer
    d.push(first);
    d.push(second);
    expect(got).toHaveLength(3);
    const body = got[2][0];
    expect(body.equals(bytes(5000, 4))).toBe(true);
    // A copy, not a view of either chunk: wiping both leaves the body whole. (Comparing .buffer
    // says nothing where Buffer's allocation pool hands out slices of one ArrayBuffer: Node 24.)
    big.fill(0);
    second.fill(0);
    expect(body.equals(bytes(5000, 4))).toBe(true);
  });

  test("reserved flag bits 3..7 are ignored, like libzmq", () => {
    const { decoder, events } = recorder();
    decoder.push(
      Buffer.concat([
        frame(0xf8, Buffer.from("a")), // message, all reserved bits set
        frame(0x08 | 1, Buffer.from("b")), // MORE + a reserved bit
        frame(0x80, Buffer.from("c")),
        frame(0xf8 | 4, Buffer.from("\x04PINGxy", "latin1")), // command + reserved bits
        frame(0x10, bytes(300, 5)), // LONG with a reserved bit
      ]),
    );
    expect(events).toEqual([
      { kind: "message", frames: ["61"] },
      { kind: "message", frames: ["62", "63"] },
      { kind: "command", name: "PING", data: "7879" },
      { kind: "message", frames: [hexOf(bytes(300, 5))] },
    ]);
  });

  test("a command name of length 0 is passed on as an unknown command", () => {
    const { decoder, events } = recorder();
    decoder.push(frame(4, Buffer.from([0, 7, 8])));
    expect(events).toEqual([{ kind: "command", name: "", data: "0708" }]);
  });
});

describe("FrameDecoder: size limits", () => {
  test("a size with the top bit set (2^63) is rejected after the header, nothing buffered", () => {
    const { decoder, events } = recorder();
    const header = Buffer.from([0x02, 0x80, 0, 0, 0, 0, 0, 0, 0]);
    decoder.push(header.subarray(0, 8));
    expect(events).toEqual([]);
    decoder.push(Buffer.concat([header.subarray(8), Buffer.from("body bytes")]));
    expect(events).toHaveLength(1);
    expect(events[0].kind).toBe("error");
    expect((events[0] as { reason: string }).reason).toContain("9223372036854775808");
    expect(decoder.bufferedBytes).toBe(0);
  });

  test("the 2^63 rejection names the rule it breaks, not only the Buffer limit", () => {
    // Any size >= 2^63 is also above MAX_LENGTH, so only the reason tells the RFC 23 rule
    // (sizes below 2^63) apart from the local allocation limit; 2^63 itself is the boundary.
    for (const top of [0x80, 0xff]) {
      const { decoder, events } = recorder();
      decoder.push(Buffer.from([0x02, top, 0, 0, 0, 0, 0, 0, 0]));
      expect(events).toEqual([{ kind: "error", reason: expect.stringContaining("top bit set") }]);
    }
  });

  test("a size of exactly buffer.constants.MAX_LENGTH is accepted: the decoder waits for its body", () => {
    // The boundary of the Buffer limit: the largest allocatable frame is legal (its body is not
    // sent here: only the header is judged).
    const { decoder, events } = recorder();
    const header = Buffer.alloc(9);
    header[0] = 0x02;
    header.writeBigUInt64BE(BigInt(bufferConstants.MAX_LENGTH), 1);
    decoder.push(Buffer.concat([header, Buffer.from("start of the body")]));
    expect(events).toEqual([]);
    expect(decoder.bufferedBytes).toBe("start of the body".length);
  });

  test("2^64-1 is rejected with its exact value", () => {
    const { decoder, events } = recorder();
    decoder.push(Buffer.from([0x02, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
    expect(events).toEqual([{ kind: "error", reason: expect.stringContaining("18446744073709551615") }]);
  });

  test("a size above buffer.constants.MAX_LENGTH is rejected", () => {
    const { decoder, events } = recorder();
    const size = BigInt(bufferConstants.MAX_LENGTH) + 1n;
    const header = Buffer.alloc(9);
    header[0] = 0x02;
    header.writeBigUInt64BE(size, 1);
    decoder.push(header);
    expect(events).toEqual([{ kind: "error", reason: expect.stringContaining(size.toString()) }]);
    expect(decoder.bufferedBytes).toBe(0);

    const r2 = recorder();
    r2.decoder.push(Buffer.from([0x02, 0x00, 0x40, 0, 0, 0, 0, 0, 1])); // 2^54 + 1: above 2^53
    expect(r2.events).toEqual([{ kind: "error", reason: expect.stringContaining("18014398509481985") }]);
  });

  test("maxFrameSize: a larger short frame is rejected at its header, before its body", () => {
    const { decoder, events } = recorder(100);
    decoder.push(Buffer.from([0x00, 101])); // header only: no body byte sent yet
    expect(events).toEqual([{ kind: "error", reason: expect.stringMatching(/101.*100/) }]);
    expect(decoder.bufferedBytes).toBe(0);
  });

  test("maxFrameSize: a larger long frame is rejected without buffering the body that came with it", () => {
    const { decoder, events } = recorder(1000);
    const f = frame(0, bytes(1001, 1));
    decoder.push(f);
    expect(events).toEqual([{ kind: "error", reason: expect.stringMatching(/1001.*1000/) }]);
    expect(decoder.bufferedBytes).toBe(0);
  });

  test("maxFrameSize applies to commands too, and a frame of exactly the limit passes", () => {
    const ok = recorder(5);
    ok.decoder.push(Buffer.concat([frame(0, bytes(5, 1)), frame(4, Buffer.from("\x04PING", "latin1"))]));
    expect(ok.events.map((e) => e.kind)).toEqual(["message", "command"]);

    const bad = recorder(5);
    bad.decoder.push(command("PING", Buffer.from([0, 1])));
    expect(bad.events).toEqual([{ kind: "error", reason: expect.stringMatching(/7.*5/) }]);
  });

  test("-1 and undefined mean unlimited; 0 allows only empty frames", () => {
    for (const limit of [-1, undefined]) {
      const { decoder, events } = recorder(limit);
      decoder.push(frame(0, bytes(70000, 1)));
      expect(events).toEqual([{ kind: "message", frames: [hexOf(bytes(70000, 1))] }]);
    }
    const zero = recorder(0);
    zero.decoder.push(Buffer.concat([frame(0, Buffer.alloc(0)), frame(0, Buffer.from("x"))]));
    expect(zero.events.map((e) => e.kind)).toEqual(["message", "error"]);
  });
});

describe("FrameDecoder: command violations", () => {
  test("a command frame with MORE set is rejected at its flags byte", () => {
    const { decoder, events } = recorder();
    decoder.push(Buffer.from([0x05]));
    expect(events).toEqual([{ kind: "error", reason: expect.stringContaining("0x05") }]);
  });

  test("the flags in a violation's reason are written as the wire's other bytes are: 0x + two upper-case digits", () => {
    const { decoder, events } = recorder();
    decoder.push(Buffer.from([0xfd])); // command + MORE + every reserved bit
    expect(events).toEqual([{ kind: "error", reason: "command frame with MORE set (flags 0xFD)" }]);
  });

  test("a command inside a multipart message is rejected", () => {
    const { decoder, events } = recorder();
    decoder.push(Buffer.concat([frame(1, Buffer.from("part")), command("PING", Buffer.from([0, 0]))]));
    expect(events).toEqual([{ kind: "error", reason: expect.stringContaining("multipart") }]);
  });

  test("a command after a complete multipart message is fine", () => {
    const { decoder, events } = recorder();
    decoder.push(Buffer.concat([frame(1, Buffer.from("a")), frame(0, Buffer.from("b")), command("PING", Buffer.from([0, 0]))]));
    expect(events.map((e) => e.kind)).toEqual(["message", "command"]);
  });

  test("a command with an empty body is rejected (short and long form)", () => {
    for (const f of [Buffer.from([0x04, 0x00]), Buffer.from([0x06, 0, 0, 0, 0, 0, 0, 0, 0])]) {
      const { decoder, events } = recorder();
      decoder.push(f);
      expect(events).toEqual([{ kind: "error", reason: expect.stringContaining("empty") }]);
    }
  });

  test("a command whose name length runs past its body is rejected", () => {
    const { decoder, events } = recorder();
    decoder.push(frame(4, Buffer.from("\x05PING", "latin1")));
    expect(events).toEqual([{ kind: "error", reason: expect.stringMatching(/name length 5.*5-byte/) }]);
  });
});

describe("FrameDecoder: after an error, and callbacks that misbehave", () => {
  test("the error is reported once and later input is ignored", () => {
    const { decoder, events } = recorder();
    decoder.push(Buffer.concat([Buffer.from([0x05, 0x00]), frame(0, Buffer.from("x"))]));
    decoder.push(frame(0, Buffer.from("y")));
    decoder.push(Buffer.from([0x05, 0x00]));
    expect(events).toHaveLength(1);
    expect(events[0].kind).toBe("error");
    expect(decoder.bufferedBytes).toBe(0);
  });

  test("an error callback that throws leaves the decoder failed, not half-failed", () => {
    let errors = 0;
    let messages = 0;
    const d = new FrameDecoder({
      message: () => messages++,
      command: () => {},
      error: () => {
        errors++;
        throw new Error("boom");
      },
    });
    expect(() => d.push(Buffer.concat([frame(0, Buffer.from("ok")), Buffer.from([0x05]), frame(0, Buffer.from("x"))]))).toThrow("boom");
    expect(() => d.push(frame(0, Buffer.from("later")))).not.toThrow();
    expect(() => d.push(Buffer.from([0x05]))).not.toThrow();
    expect(errors).toBe(1);
    expect(messages).toBe(1);
    expect(d.bufferedBytes).toBe(0);
  });

  test("a message callback that throws loses nothing: the next push resumes after that message", () => {
    const seen: string[] = [];
    let throwOnce = true;
    const d = new FrameDecoder({
      message: (frames) => {
        seen.push(frames.map((f) => f.toString()).join("+"));
        if (throwOnce) {
          throwOnce = false;
          throw new Error("app bug");
        }
      },
      command: (name) => seen.push(`cmd:${name}`),
      error: (reason) => seen.push(`error:${reason}`),
    });
    const stream = Buffer.concat([
      frame(0, Buffer.from("one")),
      frame(1, Buffer.from("two")),
      frame(0, Buffer.from("three")),
      command("PONG", Buffer.alloc(0)),
    ]);
    expect(() => d.push(stream.subarray(0, 10))).toThrow("app bug");
    d.push(stream.subarray(10));
    expect(seen).toEqual(["one", "two+three", "cmd:PONG"]);
    expect(d.bufferedBytes).toBe(0);
  });

  test("a push from inside a callback is queued in order", () => {
    const seen: string[] = [];
    const d: FrameDecoder = new FrameDecoder({
      message: (frames) => {
        const text = frames[0].toString();
        seen.push(text);
        if (text === "first") d.push(frame(0, Buffer.from("nested")));
      },
      command: () => {},
      error: (r) => seen.push(r),
    });
    d.push(Buffer.concat([frame(0, Buffer.from("first")), frame(0, Buffer.from("second"))]));
    expect(seen).toEqual(["first", "second", "nested"]);
  });

  test("a push from inside a callback delivers nothing until that callback has returned", () => {
    // The order alone cannot tell queueing from a nested drain (both give first, second,
    // nested); the depth can: a session's handler must never be re-entered mid-message.
    let depth = 0;
    let deepest = 0;
    const seen: string[] = [];
    const d: FrameDecoder = new FrameDecoder({
      message: (frames) => {
        depth++;
        deepest = Math.max(deepest, depth);
        const text = frames[0].toString();
        seen.push(text);
        if (text === "first") d.push(frame(0, Buffer.from("nested")));
        depth--;
      },
      command: () => {},
      error: (r) => seen.push(r),
    });
    d.push(Buffer.concat([frame(0, Buffer.from("first")), frame(0, Buffer.from("second"))]));
    expect(seen).toEqual(["first", "second", "nested"]);
    expect(deepest).toBe(1);
  });
});
