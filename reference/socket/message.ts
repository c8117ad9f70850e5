/** What send() accepts, as in zeromq.js: one frame or an array of frames. */
export type MessageLike = ArrayBufferView | ArrayBuffer | SharedArrayBuffer | string | number | null;

/** Converts to frames without copying Buffers and typed arrays (their memory is sent as is). */
export function toFrames(message: MessageLike | MessageLike[]): Buffer[] {
  if (Array.isArray(message)) return message.map(toFrame);
  return [toFrame(message)];
}

function toFrame(part: MessageLike): Buffer {
  if (Buffer.isBuffer(part)) return part;
  if (typeof part === "string") return Buffer.from(part, "utf8");
  if (part === null || part === undefined) return Buffer.alloc(0);
  if (typeof part === "number") return Buffer.from(String(part), "utf8");
  if (ArrayBuffer.isView(part)) return Buffer.from(part.buffer, part.byteOffset, part.byteLength);
  if (part instanceof ArrayBuffer || part instanceof SharedArrayBuffer) return Buffer.from(part);
  throw Object.assign(new TypeError(`cannot send a value of type ${typeof part} as a message frame`), { code: "EINVAL" });
}
