import {
  decodePing,
  decodeProperties,
  encodeCancel,
  encodeError,
  encodePing,
  encodePong,
  encodeProperties,
  encodeReady,
  encodeSubscribe,
  legacySubscription,
  parseLegacySubscription,
} from "./commands";
import { FrameDecoder } from "./frame-decoder";

const ascii = (s: string): number[] => [...Buffer.from(s, "latin1")];

/** Decodes one whole command frame through the real decoder. */
function decodeCommand(frame: Buffer): { name: string; data: Buffer } {
  const got: Array<{ name: string; data: Buffer }> = [];
  const d = new FrameDecoder({
    message: () => {
      throw new Error("expected a command");
    },
    command: (name, data) => got.push({ name, data }),
    error: (r) => {
      throw new Error(r);
    },
  });
  d.push(frame);
  expect(got).toHaveLength(1);
  expect(d.bufferedBytes).toBe(0);
  return got[0];
}

function props(result: ReturnType<typeof decodeProperties>): Map<string, Buffer> {
  if (!result.ok) throw new Error(result.reason);
  return result.properties;
}

function expectMalformed(data: Buffer, fragment: string | RegExp): void {
  const r = decodeProperties(data);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.reason).toMatch(fragment);
}

describe("READY and RFC 23's worked example", () => {
  // RFC 23, "Worked Example": the DEALER's READY with Socket-Type "DEALER" and an
  // empty Identity. Its size byte says 41: that is the BODY (bytes 2..42); the
  // whole frame, with flags and size, is 43 bytes.
  const RFC23_DEALER_READY = [0x04, 41, 5, ...ascii("READY"), 11, ...ascii("Socket-Type"), 0, 0, 0, 6, ...ascii("DEALER"), 8, ...ascii("Identity"), 0, 0, 0, 0];
  // The ROUTER's reply in the same example: Socket-Type only, size 28.
  const RFC23_ROUTER_READY = [0x04, 28, 5, ...ascii("READY"), 11, ...ascii("Socket-Type"), 0, 0, 0, 6, ...ascii("ROUTER")];

  test("the example is 41 body bytes, 43 on the wire", () => {
    expect(RFC23_DEALER_READY).toHaveLength(43);
    expect(RFC23_ROUTER_READY).toHaveLength(30);
  });

  test("DEALER READY with an empty Identity reproduces it byte for byte", () => {
    expect([...encodeReady("DEALER", Buffer.alloc(0))]).toEqual(RFC23_DEALER_READY);
  });

  test("ROUTER READY without Identity reproduces the reply byte for byte", () => {
    expect([...encodeReady("ROUTER")]).toEqual(RFC23_ROUTER_READY);
  });

  test("the example decodes back to its properties", () => {
    const { name, data } = decodeCommand(Buffer.from(RFC23_DEALER_READY));
    expect(name).toBe("READY");
    const p = props(decodeProperties(data));
    expect([...p.keys()]).toEqual(["socket-type", "identity"]);
    expect(p.get("socket-type")!.toString()).toBe("DEALER");
    expect(p.get("identity")!.length).toBe(0);
  });

  test("a non-empty identity; identities over 255 bytes are refused", () => {
    const id = Buffer.from([0x00, 0x01, 0xff]);
    const p = props(decodeProperties(decodeCommand(encodeReady("REQ", id)).data));
    expect(p.get("identity")!.equals(id)).toBe(true);
    expect(p.get("socket-type")!.toString()).toBe("REQ");
    expect(encodeReady("REQ", Buffer.alloc(255)).length).toBeGreaterThan(255);
    expect(() => encodeReady("REQ", Buffer.alloc(256))).toThrow(RangeError);
  });
});

describe("properties", () => {
  test("encoding layout: name length, name, 4-byte big-endian value length, value", () => {
    expect([...encodeProperties([["X-A", Buffer.from([9, 8])]])]).toEqual([3, ...ascii("X-A"), 0, 0, 0, 2, 9, 8]);
    expect(encodeProperties([]).length).toBe(0);
  });

  test("round-trip: names lower-cased, values intact, empty and long values", () => {
    const long = Buffer.alloc(70000, 0x5a);
    const input: Array<[string, Buffer]> = [
      ["Socket-Type", Buffer.from("PUB")],
      ["X-Empty", Buffer.alloc(0)],
      ["x.long_value+1", long],
      ["N".repeat(255), Buffer.from([0])],
    ];
    const p = props(decodeProperties(encodeProperties(input)));
    expect([...p.keys()]).toEqual(["socket-type", "x-empty", "x.long_value+1", "n".repeat(255)]);
    expect(p.get("socket-type")!.toString()).toBe("PUB");
    expect(p.get("x-empty")!.length).toBe(0);
    expect(p.get("x.long_value+1")!.equals(long)).toBe(true);
    expect([...p.get("n".repeat(255))!]).toEqual([0]);
  });

  test("an empty property list is valid", () => {
    expect(props(decodeProperties(Buffer.alloc(0))).size).toBe(0);
  });

  test("names are case-insensitive: a repeated name keeps its first value (as libzmq's map)", () => {
    const p = props(
      decodeProperties(
        encodeProperties([
          ["Socket-Type", Buffer.from("SUB")],
          ["SOCKET-TYPE", Buffer.from("PUB")],
        ]),
      ),
    );
    expect(p.size).toBe(1);
    expect(p.get("socket-type")!.toString()).toBe("SUB");
  });

  describe("malformed", () => {
    const good = encodeProperties([["Identity", Buffer.from("abc")]]); // 1+8+4+3 = 16 bytes

    test("empty name", () => {
      expectMalformed(Buffer.from([0, 0, 0, 0, 0]), /empty property name at offset 0/);
      expectMalformed(Buffer.concat([good, Buffer.from([0])]), /empty property name at offset 16/);
    });

    test("name truncated", () => {
      expectMalformed(Buffer.from([5, ...ascii("abc")]), /name of 5 bytes.*runs past the 4-byte/);
      expectMalformed(Buffer.concat([good, Buffer.from([3])]), /name of 3 bytes/);
    });

    test("invalid name characters", () => {
      expectMalformed(Buffer.from([3, ...ascii("a b"), 0, 0, 0, 0]), /0x20 at offset 2/);
      expectMalformed(Buffer.from([2, ...ascii("a"), 0, 0, 0, 0, 0]), /0x00 at offset 2/);
      expectMalformed(Buffer.from([1, 0xe9, 0, 0, 0, 0]), /0xe9 at offset 1/);
      expectMalformed(Buffer.from([1, ...ascii("/"), 0, 0, 0, 0]), /0x2f/);
    });

    test("value length truncated", () => {
      for (let keep = 0; keep < 4; keep++) {
        expectMalformed(Buffer.from([1, ...ascii("a"), ...[0, 0, 0, 0].slice(0, keep)]), `truncated (${keep} of 4`);
      }
    });

    test("value truncated", () => {
      expectMalformed(Buffer.from([1, ...ascii("a"), 0, 0, 0, 3, 1, 2]), /value of 3 bytes.*2 left/);
      expectMalformed(good.subarray(0, good.length - 1), /value of 3 bytes.*2 left/);
    });

    test("value length of 2^31 or more", () => {
      expectMalformed(Buffer.from([1, ...ascii("a"), 0x80, 0, 0, 0]), /2147483648 exceeds 2\^31-1/);
    });
  });

  test("a value length of exactly 2^31-1 is allowed, so it is the data that runs out", () => {
    expectMalformed(Buffer.from([1, ...ascii("a"), 0x7f, 0xff, 0xff, 0xff]), /value of 2147483647 bytes runs past the data \(0 left\)/);
  });

  // Bad input gets an error that names what was wrong: pinned word for word.
  test.each([
    ["an empty property name", () => encodeProperties([["", Buffer.alloc(0)]]), 'property name must be 1..255 characters, got ""'],
    ["a space in a name", () => encodeProperties([["a b", Buffer.alloc(0)]]), 'property name "a b" has an invalid character at 1'],
    [
      "a value over 2^31-1 bytes",
      // A stand-in with the length of a 2 GiB buffer: the check comes before any byte is read.
      () => encodeProperties([["Big", { length: 2 ** 31 } as Buffer]]),
      "property Big value of 2147483648 bytes exceeds 2^31-1",
    ],
    ["a 256-byte identity", () => encodeReady("DEALER", Buffer.alloc(256)), "identity of 256 bytes exceeds 255"],
    ["a TTL of 65536", () => encodePing(65536), "PING TTL must be 0..65535 deciseconds, got 65536"],
    ["a TTL of -1", () => encodePing(-1), "PING TTL must be 0..65535 deciseconds, got -1"],
    ["a 17-byte PING context", () => encodePing(1, Buffer.alloc(17)), "ping context of 17 bytes exceeds 16"],
    ["a 17-byte PONG context", () => encodePong(Buffer.alloc(17)), "ping context of 17 bytes exceeds 16"],
    ["a 256-byte ERROR reason", () => encodeError("é".repeat(128)), "ERROR reason of 256 bytes exceeds 255"],
  ])("refusing %s says what is wrong", (_what, encode, message) => {
    expect(encode).toThrow(new RangeError(message));
  });

  test("encodeProperties refuses invalid names", () => {
    expect(() => encodeProperties([["", Buffer.alloc(0)]])).toThrow(RangeError);
    expect(() => encodeProperties([["a b", Buffer.alloc(0)]])).toThrow(RangeError);
    expect(() => encodeProperties([["x".repeat(256), Buffer.alloc(0)]])).toThrow(RangeError);
  });
});

describe("PING / PONG", () => {
  test("PING layout: TTL big-endian in tenths of a second, then context", () => {
    expect([...encodePing(50, Buffer.from([0xca, 0xfe]))]).toEqual([0x04, 9, 4, ...ascii("PING"), 0x00, 0x32, 0xca, 0xfe]);
    expect([...encodePing(0x1234)]).toEqual([0x04, 7, 4, ...ascii("PING"), 0x12, 0x34]);
  });

  test("PING round-trip through the decoder", () => {
    const ctx = Buffer.alloc(16, 7);
    const { name, data } = decodeCommand(encodePing(65535, ctx));
    expect(name).toBe("PING");
    const ping = decodePing(data);
    expect(ping).not.toBeNull();
    expect(ping!.ttl).toBe(65535);
    expect(ping!.context.equals(ctx)).toBe(true);
  });

  test("decodePing rejects short data and over-long contexts", () => {
    expect(decodePing(Buffer.alloc(0))).toBeNull();
    expect(decodePing(Buffer.alloc(1))).toBeNull();
    expect(decodePing(Buffer.alloc(2 + 17))).toBeNull();
    expect(decodePing(Buffer.from([0, 1]))).toEqual({ ttl: 1, context: Buffer.alloc(0) });
  });

  test("encodePing refuses bad TTLs and contexts", () => {
    expect(() => encodePing(65536)).toThrow(RangeError);
    expect(() => encodePing(-1)).toThrow(RangeError);
    expect(() => encodePing(1.5)).toThrow(RangeError);
    expect(() => encodePing(1, Buffer.alloc(17))).toThrow(RangeError);
  });

  test("PONG echoes the context", () => {
    expect([...encodePong(Buffer.from([1, 2, 3]))]).toEqual([0x04, 8, 4, ...ascii("PONG"), 1, 2, 3]);
    expect([...encodePong(Buffer.alloc(0))]).toEqual([0x04, 5, 4, ...ascii("PONG")]);
    expect(() => encodePong(Buffer.alloc(17))).toThrow(RangeError);
  });
});

describe("subscriptions", () => {
  test("ZMTP 3.1 SUBSCRIBE and CANCEL commands", () => {
    expect([...encodeSubscribe(Buffer.from("ab"))]).toEqual([0x04, 12, 9, ...ascii("SUBSCRIBE"), 0x61, 0x62]);
    expect([...encodeCancel(Buffer.from("ab"))]).toEqual([0x04, 9, 6, ...ascii("CANCEL"), 0x61, 0x62]);
    expect([...encodeSubscribe(Buffer.alloc(0))]).toEqual([0x04, 10, 9, ...ascii("SUBSCRIBE")]);
    const long = decodeCommand(encodeSubscribe(Buffer.alloc(300, 1)));
    expect(long.name).toBe("SUBSCRIBE");
    expect(long.data.equals(Buffer.alloc(300, 1))).toBe(true);
  });

  test("ZMTP 3.0 message form", () => {
    expect([...legacySubscription(true, Buffer.from("ab"))]).toEqual([1, 0x61, 0x62]);
    expect([...legacySubscription(false, Buffer.from("ab"))]).toEqual([0, 0x61, 0x62]);
    expect([...legacySubscription(true, Buffer.alloc(0))]).toEqual([1]);
  });

  test("parseLegacySubscription", () => {
    expect(parseLegacySubscription(Buffer.from([1, 0x61]))).toEqual({ subscribe: true, topic: Buffer.from("a") });
    expect(parseLegacySubscription(Buffer.from([0]))).toEqual({ subscribe: false, topic: Buffer.alloc(0) });
    expect(parseLegacySubscription(Buffer.alloc(0))).toBeNull();
    expect(parseLegacySubscription(Buffer.from([2, 0x61]))).toBeNull();
    const frame = legacySubscription(false, Buffer.from("topic"));
    const parsed = parseLegacySubscription(frame)!;
    expect(parsed.topic.buffer).toBe(frame.buffer); // a view, not a copy
  });
});

describe("ERROR", () => {
  test("layout: 1-byte reason length, reason", () => {
    expect([...encodeError("bad")]).toEqual([0x04, 10, 5, ...ascii("ERROR"), 3, ...ascii("bad")]);
    expect([...encodeError("")]).toEqual([0x04, 7, 5, ...ascii("ERROR"), 0]);
  });

  test("a 255-byte reason fits; 256 is refused", () => {
    const { name, data } = decodeCommand(encodeError("r".repeat(255)));
    expect(name).toBe("ERROR");
    expect(data[0]).toBe(255);
    expect(data.length).toBe(256);
    expect(() => encodeError("r".repeat(256))).toThrow(RangeError);
  });
});
