import { toFrames, type MessageLike } from "./message";

/** What send() makes of its argument: zeromq.js v6's Message types, one frame each. */
describe("toFrames", () => {
  test("null is an empty frame, alone or inside an array", () => {
    expect(toFrames(null)).toEqual([Buffer.alloc(0)]);
    expect(toFrames(["a", null])).toEqual([Buffer.from("a"), Buffer.alloc(0)]);
  });

  test("a number is sent as its decimal text, as zeromq.js does", () => {
    expect(toFrames(42).map(String)).toEqual(["42"]);
    expect(toFrames([1.5, -3]).map(String)).toEqual(["1.5", "-3"]);
  });

  test("ArrayBuffer and SharedArrayBuffer are sent as their bytes", () => {
    const plain = new Uint8Array([1, 2, 3]).buffer;
    const shared = new SharedArrayBuffer(2);
    new Uint8Array(shared).set([0xfe, 0xff]);
    expect(toFrames([plain, shared]).map((frame) => frame.toString("hex"))).toEqual(["010203", "feff"]);
  });

  test("a typed-array view is sent as the bytes it covers, not its whole buffer", () => {
    const whole = new Uint8Array([9, 8, 7, 6]);
    expect(toFrames(whole.subarray(1, 3))[0].toString("hex")).toBe("0807");
  });

  // Outside MessageLike: the reference refuses them, where zeromq.js 6 sends their String() text
  // ("true", "[object Object]"), a binding quirk rather than libzmq behaviour.
  test.each([
    ["a boolean", "boolean", true],
    ["an object", "object", {}],
  ])("%s is refused with EINVAL, naming its type", (_what, type, value) => {
    let thrown: (Error & { code?: string }) | undefined;
    try {
      toFrames(value as unknown as MessageLike);
    } catch (err) {
      thrown = err as Error & { code?: string };
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect([thrown?.code, thrown?.message]).toEqual(["EINVAL", `cannot send a value of type ${type} as a message frame`]);
  });
});
