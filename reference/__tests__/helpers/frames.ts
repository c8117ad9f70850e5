import { createHash } from "node:crypto";

/** A readable, cheap-to-compare picture of a frame: its length and its bytes (or their hash when long). */
function picture(frame: Buffer | string): string {
  const bytes = Buffer.from(frame);
  if (bytes.length <= 32) return `${bytes.length}:${bytes.toString("hex")}`;
  return `${bytes.length}:sha1:${createHash("sha1").update(bytes).digest("hex")}`;
}

/** Asserts that a received message is exactly `expected`, frame by frame, byte by byte. */
export function expectFrames(received: Buffer[], expected: Array<Buffer | string>): void {
  expect(received.map(picture)).toEqual(expected.map(picture));
}
