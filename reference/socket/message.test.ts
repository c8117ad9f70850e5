import { COPY_UP_TO_BYTES, detached, toFrames, type MessageLike } from "./message";

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

  test("anything else is sent as its String(), as zeromq.js does", () => {
    const named = function named() {};
    const values = [true, {}, named, 16.19] as unknown as MessageLike[];
    expect(toFrames(values).map(String)).toEqual(["true", "[object Object]", String(named), "16.19"]);
  });

  test("frames are views of the caller's memory: nothing is copied on the way in", () => {
    const small = Buffer.alloc(4, 1);
    const view = new Uint8Array(16);
    const [frame, fromView] = toFrames([small, view]);
    expect(frame).toBe(small);
    expect(fromView.buffer).toBe(view.buffer);
  });
});

/** What a pipe keeps when a message must wait: the caller may reuse a small buffer at once. */
describe("detached", () => {
  test("a frame of up to 128 bytes is a copy", () => {
    const small = Buffer.alloc(COPY_UP_TO_BYTES, 1);
    const [frame] = detached([small]);
    small.fill(9);
    expect(frame.every((b) => b === 1)).toBe(true);
  });

  test("a larger frame is the caller's memory itself, never copied", () => {
    const large = Buffer.alloc(COPY_UP_TO_BYTES + 1);
    expect(detached([large])[0]).toBe(large);
  });
});
