/** What send() accepts, as in zeromq.js: one frame or an array of frames. */
export type MessageLike = ArrayBufferView | ArrayBuffer | SharedArrayBuffer | string | number | null;

/**
 * Frames of at most this many bytes are the socket's own once send() returns; larger ones are sent
 * from the caller's memory as is. zeromq.js copies the same small messages (its zero-copy threshold
 * is 128 bytes), so a caller that reuses a small buffer after `await send()` gets away with it on
 * both. The copy is made where a message is kept for later (a pipe's queue, see `detached`): one
 * written at once goes into the connection's write batch, which copies bodies below 8 KiB anyway.
 */
export const COPY_UP_TO_BYTES = 128;

/** Converts to frames, as views of the caller's memory where it gave bytes (no copy here). */
export function toFrames(message: MessageLike | MessageLike[]): Buffer[] {
  if (Array.isArray(message)) return message.map(toFrame);
  return [toFrame(message)];
}

/** The frames, with every one of at most COPY_UP_TO_BYTES copied: safe to keep after send() returned. */
export function detached(frames: Buffer[]): Buffer[] {
  return frames.map((frame) => (frame.length <= COPY_UP_TO_BYTES ? Buffer.from(frame) : frame));
}

function toFrame(part: MessageLike): Buffer {
  if (Buffer.isBuffer(part)) return part;
  if (typeof part === "string") return Buffer.from(part, "utf8");
  if (part === null || part === undefined) return Buffer.alloc(0);
  if (ArrayBuffer.isView(part)) return Buffer.from(part.buffer, part.byteOffset, part.byteLength);
  if (part instanceof ArrayBuffer || part instanceof SharedArrayBuffer) return Buffer.from(part);
  // Anything else (a number, a boolean, an object, a function) is sent as its String(), as zeromq.js does.
  return Buffer.from(String(part), "utf8");
}
