import { encodeGreeting, GREETING_SIZE, readGreeting } from "./greeting";

/** A valid 3.1 NULL client greeting, built by hand from RFC 37's grammar. */
function handMadeGreeting(): Buffer {
  const g = Buffer.alloc(64);
  g[0] = 0xff;
  g[9] = 0x7f;
  g[10] = 3;
  g[11] = 1;
  g.write("NULL", 12, "latin1");
  return g;
}

function withByte(base: Buffer, offset: number, value: number): Buffer {
  const copy = Buffer.from(base);
  copy[offset] = value;
  return copy;
}

function expectInvalid(bytes: Buffer, ...fragments: string[]): void {
  const r = readGreeting(bytes);
  expect(r.state).toBe("invalid");
  if (r.state !== "invalid") return;
  for (const f of fragments) expect(r.reason).toContain(f);
}

describe("encodeGreeting", () => {
  test("defaults are exactly a ZMTP 3.1 NULL client greeting", () => {
    const g = encodeGreeting();
    expect(GREETING_SIZE).toBe(64);
    expect(g.length).toBe(64);
    expect(g.equals(handMadeGreeting())).toBe(true);
    // spelled out, byte by byte
    expect([...g]).toEqual([0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0x7f, 3, 1, 0x4e, 0x55, 0x4c, 0x4c, ...new Array(16).fill(0), 0, ...new Array(31).fill(0)]);
  });

  test("fields are placed at their offsets", () => {
    const g = encodeGreeting({ major: 3, minor: 0, mechanism: "PLAIN", asServer: true });
    expect(g[10]).toBe(3);
    expect(g[11]).toBe(0);
    expect(g.toString("latin1", 12, 17)).toBe("PLAIN");
    expect(g.subarray(17, 32).every((b) => b === 0)).toBe(true);
    expect(g[32]).toBe(1);
    expect(g.subarray(33).every((b) => b === 0)).toBe(true);
  });

  test("a 20-character mechanism fills the field with no NUL", () => {
    const mech = "ABCDEFGHIJ0123456789";
    const g = encodeGreeting({ mechanism: mech });
    expect(g.toString("latin1", 12, 32)).toBe(mech);
    expect(g[32]).toBe(0);
  });

  test("refuses what a peer would reject", () => {
    expect(() => encodeGreeting({ mechanism: "" })).toThrow(RangeError);
    expect(() => encodeGreeting({ mechanism: "null" })).toThrow(RangeError);
    expect(() => encodeGreeting({ mechanism: "A".repeat(21) })).toThrow(RangeError);
    expect(() => encodeGreeting({ major: 256 })).toThrow(RangeError);
    expect(() => encodeGreeting({ minor: -1 })).toThrow(RangeError);
  });

  // Bad input gets an error that names what was wrong: pinned word for word.
  test.each([
    ["major 256", { major: 256 }, "greeting major must be a byte, got 256"],
    ["minor -1", { minor: -1 }, "greeting minor must be a byte, got -1"],
    ["minor 1.5", { minor: 1.5 }, "greeting minor must be a byte, got 1.5"],
    ["major 2", { major: 2 }, "greeting major must be 3 or more (ZMTP 3.x), got 2"],
    ["an empty mechanism", { mechanism: "" }, 'mechanism must be 1..20 characters, got ""'],
    ["a 21-character mechanism", { mechanism: "A".repeat(21) }, `mechanism must be 1..20 characters, got "${"A".repeat(21)}"`],
    ["a lower-case mechanism", { mechanism: "NUlL" }, 'mechanism "NUlL" has an invalid character at 2'],
  ])("refusing %s says what is wrong", (_what, greeting, message) => {
    expect(() => encodeGreeting(greeting)).toThrow(new RangeError(message));
  });

  test("refuses a major version below 3, which readGreeting would reject", () => {
    // The counterexample greeting.property.test.ts found: this used to return a greeting with
    // major 0, which our own readGreeting rejects.
    expect(() => encodeGreeting({ major: 0, minor: 0, mechanism: "A", asServer: false })).toThrow(RangeError);
    for (const major of [1, 2]) expect(() => encodeGreeting({ major })).toThrow(RangeError);
    expect(encodeGreeting({ major: 3 })[10]).toBe(3);
  });

  test("round-trips through readGreeting", () => {
    const want = { major: 3, minor: 0, mechanism: "CURVE", asServer: true };
    expect(readGreeting(encodeGreeting(want))).toEqual({ state: "complete", greeting: want });
  });
});

describe("readGreeting", () => {
  test("every proper prefix of a valid greeting is incomplete", () => {
    const g = handMadeGreeting();
    for (let n = 0; n < 64; n++) expect(readGreeting(g.subarray(0, n))).toEqual({ state: "incomplete" });
  });

  test("complete greeting; bytes after the 64th are not its business", () => {
    const g = Buffer.concat([handMadeGreeting(), Buffer.from([0x04, 0x19, 0xff, 0xee])]);
    expect(readGreeting(g)).toEqual({
      state: "complete",
      greeting: { major: 3, minor: 1, mechanism: "NULL", asServer: false },
    });
  });

  test("padding (1..8) and filler (33..63) are not validated", () => {
    const g = handMadeGreeting();
    for (let i = 1; i <= 8; i++) g[i] = 0xa5;
    for (let i = 33; i < 64; i++) g[i] = 0x5a;
    const r = readGreeting(g);
    expect(r.state).toBe("complete");
  });

  test("higher versions are accepted (RFC 23: MUST accept higher versions)", () => {
    const r = readGreeting(withByte(withByte(handMadeGreeting(), 10, 4), 11, 7));
    expect(r).toEqual({ state: "complete", greeting: { major: 4, minor: 7, mechanism: "NULL", asServer: false } });
    const r30 = readGreeting(withByte(handMadeGreeting(), 11, 0));
    expect(r30.state === "complete" && r30.greeting.minor).toBe(0);
  });

  test("all mechanism characters and a full 20-byte mechanism are accepted", () => {
    const g = handMadeGreeting();
    const mech = "AZ09-_.+XY0123456789";
    g.write(mech, 12, "latin1");
    const r = readGreeting(g);
    expect(r.state === "complete" && r.greeting.mechanism).toBe(mech);
  });

  test("as-server 1 is read", () => {
    const r = readGreeting(withByte(handMadeGreeting(), 32, 1));
    expect(r.state === "complete" && r.greeting.asServer).toBe(true);
  });

  describe("rejections, as early as the bytes allow", () => {
    test("byte 0 not 0xFF: rejected after one byte", () => {
      expectInvalid(Buffer.from([0x01]), "byte 0", "0x01");
      expectInvalid(withByte(handMadeGreeting(), 0, 0x00), "byte 0", "0x00");
    });

    test("byte 9 with low bit clear (ZMTP 1.0 detection): rejected after ten bytes", () => {
      const g = withByte(handMadeGreeting(), 9, 0x7e);
      expect(readGreeting(g.subarray(0, 9))).toEqual({ state: "incomplete" });
      expectInvalid(g.subarray(0, 10), "byte 9", "0x7E", "not supported");
    });

    test("byte 9 with low bit set but not 0x7F", () => {
      expectInvalid(withByte(handMadeGreeting(), 9, 0xff).subarray(0, 10), "byte 9", "0xFF", "0x7F");
    });

    test.each([0, 1, 2])("major %i: rejected after eleven bytes", (major) => {
      const g = withByte(handMadeGreeting(), 10, major);
      expect(readGreeting(g.subarray(0, 10))).toEqual({ state: "incomplete" });
      expectInvalid(g.subarray(0, 11), `version is ${major}`, "ZMTP 1.0/2.0 peers are not supported");
    });

    test("empty mechanism: rejected at byte 12", () => {
      const g = handMadeGreeting();
      g.fill(0, 12, 32);
      expectInvalid(g.subarray(0, 13), "empty", "byte 12");
    });

    test("invalid mechanism character: rejected when it arrives", () => {
      const g = handMadeGreeting();
      g.write("Null", 12, "latin1");
      expect(readGreeting(g.subarray(0, 13))).toEqual({ state: "incomplete" });
      expectInvalid(g.subarray(0, 14), "invalid character", "0x75", "byte 13");
      expectInvalid(withByte(handMadeGreeting(), 14, 0x20), "0x20", "byte 14");
      expectInvalid(withByte(handMadeGreeting(), 12, 0x80), "0x80", "byte 12");
    });

    test("a character after the NUL padding", () => {
      const g = withByte(handMadeGreeting(), 31, 0x41);
      expect(readGreeting(g.subarray(0, 31))).toEqual({ state: "incomplete" });
      expectInvalid(g.subarray(0, 32), "0x41", "byte 31", "after its NUL padding");
      expectInvalid(withByte(handMadeGreeting(), 17, 0x58), "0x58", "byte 17");
    });

    test("as-server not 0 or 1: rejected at byte 32", () => {
      const g = withByte(handMadeGreeting(), 32, 2);
      expect(readGreeting(g.subarray(0, 32))).toEqual({ state: "incomplete" });
      expectInvalid(g.subarray(0, 33), "as-server", "0x02");
      expectInvalid(withByte(handMadeGreeting(), 32, 0xff), "as-server", "0xFF");
    });
  });
});
