/** What send() accepts, as in zeromq.js: one frame or an array of frames. */
export type MessageLike = ArrayBufferView | ArrayBuffer | SharedArrayBuffer | string | number | null;

/**
 * Frames of at most this many bytes are copied when sent; larger ones are sent from the caller's
 * memory as is. zeromq.js copies the same small messages (its zero-copy threshold is 128 bytes),
 * so a caller that reuses a small buffer after `await send()` gets away with it on both.
 */
export const COPY_UP_TO_BYTES = 128;

/** Converts to frames: small Buffers and typed arrays are copied, large ones are not. */
export function toFrames(message: MessageLike | MessageLike[]): Buffer[] {
  if (Array.isArray(message)) return message.map(toFrame);
  return [toFrame(message)];
}

function toFrame(part: MessageLike): Buffer {
  if (Buffer.isBuffer(part)) return part.length <= COPY_UP_TO_BYTES ? Buffer.from(part) : part;
  if (typeof part === "string") return Buffer.from(part, "utf8");
  if (part === null || part === undefined) return Buffer.alloc(0);
  if (ArrayBuffer.isView(part)) {
    const view = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
    return view.length <= COPY_UP_TO_BYTES ? Buffer.from(view) : view;
  }
  if (part instanceof ArrayBuffer || part instanceof SharedArrayBuffer) {
    const view = Buffer.from(part);
    return view.length <= COPY_UP_TO_BYTES ? Buffer.from(view) : view;
  }
  // Anything else (a number, a boolean, an object, a function) is sent as its String(), as zeromq.js does.
  return Buffer.from(String(part), "utf8");
}
