/**
 * Shared pieces of the ZMTP codec's property tests (reference/zmtp/*.property.test.ts):
 * fast-check arbitraries for frame bodies, wire streams and chunkings, and a decoder that
 * records what it emits. Expected bytes are built with the hand-written RFC builder
 * (zmtp-bytes), never with the codec under test.
 */
import * as fc from "fast-check";
import { FrameDecoder } from "../../zmtp/frame-decoder";
import { COMMAND, MORE, frame } from "../../../suites/raw-zmtp/zmtp-bytes";

export function asBuffer(bytes: Uint8Array): Buffer {
  // A view, not a copy: fast-check's arrays are never reused or mutated after generation.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Random bytes, any length in [minLength, maxLength]. size "max": by default fast-check keeps
 * generated lengths near minLength (about 10 more), which would never reach 255/256.
 * They shrink byte by byte: use them where the bytes are the input (names, garbage).
 */
export const bytes = (minLength: number, maxLength: number): fc.Arbitrary<Buffer> => fc.uint8Array({ minLength, maxLength, size: "max" }).map(asBuffer);

/**
 * A body whose content the framing code never inspects: `size` bytes from a random 1..8-byte
 * pattern, each byte xor-ed with its offset so that a body shifted or cut by a few bytes does
 * not look the same. It shrinks by size and pattern, where 300 random bytes would shrink one
 * byte at a time: tens of thousands of steps before a failure is reported.
 */
export const opaqueBody = (minSize: number, maxSize: number): fc.Arbitrary<Buffer> =>
  fc
    .record({
      size: fc.integer({ min: minSize, max: maxSize }),
      pattern: fc.uint8Array({ minLength: 1, maxLength: 8 }),
    })
    .map(({ size, pattern }) => {
      // The content repeats every 256 * pattern.length bytes: build one period, let fill() repeat it.
      const period = Buffer.allocUnsafe(256 * pattern.length);
      for (let i = 0; i < period.length; i++) period[i] = pattern[i % pattern.length] ^ (i & 0xff);
      return size === 0 ? Buffer.alloc(0) : Buffer.alloc(size, period);
    });

/**
 * Frame bodies with sizes across the codec's boundaries: 0 and 1 (empty frames), 254..257
 * (255 is the largest short size, 256 the smallest long one), anything up to 300, and, when
 * `large`, around FrameBatcher's 8 KiB copy threshold and past its 64 KiB first scratch.
 */
export function frameBody(options: { large: boolean }): fc.Arbitrary<Buffer> {
  const arbs = [
    { arbitrary: bytes(0, 1), weight: 3 },
    { arbitrary: bytes(0, 16), weight: 2 },
    { arbitrary: opaqueBody(254, 257), weight: 2 },
    { arbitrary: opaqueBody(0, 300), weight: 2 },
  ];
  if (options.large) {
    arbs.push({ arbitrary: fc.oneof(opaqueBody(8190, 8194), opaqueBody(8195, 70_000)), weight: 1 });
  }
  return fc.oneof(...arbs);
}

/** Flag bits 3..7: reserved; the decoder ignores them, as libzmq does. */
const reservedBits = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 31 }).map((r) => r << 3),
);

/** What a well-formed stream item must decode to (frames and data as the decoder delivers them). */
export type Item = { kind: "message"; frames: Buffer[] } | { kind: "command"; name: string; data: Buffer };

/**
 * A well-formed frame stream item, encoded by the independent builder with choices the
 * reference encoder never makes but a peer may: the long size form for small bodies, reserved
 * flag bits set, command names of any bytes (even empty: the decoder passes it on).
 */
const wireItem: fc.Arbitrary<{ item: Item; wire: Buffer }> = fc.oneof(
  fc
    .array(fc.record({ body: frameBody({ large: false }), long: fc.boolean(), reserved: reservedBits }), {
      minLength: 1,
      maxLength: 4,
      size: "max",
    })
    .map((frames) => ({
      item: { kind: "message" as const, frames: frames.map((f) => f.body) },
      wire: Buffer.concat(
        frames.map((f, i) => {
          const flags = (i < frames.length - 1 ? MORE : 0) | f.reserved;
          return frame(flags, f.body, f.long || f.body.length > 255);
        }),
      ),
    })),
  fc
    .record({
      name: fc.oneof(bytes(0, 8), opaqueBody(250, 255)),
      data: frameBody({ large: false }),
      long: fc.boolean(),
      reserved: reservedBits,
    })
    .map(({ name, data, long, reserved }) => {
      // command-body = name-length name data; frame() picks the long form for a body over 255 bytes.
      const body = Buffer.concat([Buffer.from([name.length]), name, data]);
      const wire = frame(COMMAND | reserved, body, long || body.length > 255);
      return { item: { kind: "command" as const, name: name.toString("latin1"), data }, wire };
    }),
);

/** A well-formed stream of up to `maxItems` items: the items and their concatenated bytes. */
export function wireStream(maxItems: number): fc.Arbitrary<{ items: Item[]; wire: Buffer }> {
  return fc
    .array(wireItem, { maxLength: maxItems, size: "max" })
    .map((entries) => ({ items: entries.map((e) => e.item), wire: Buffer.concat(entries.map((e) => e.wire)) }));
}

/** maxFrameSize: unlimited (undefined or -1) or a limit that the generated frames straddle. */
export const anyMaxFrameSize: fc.Arbitrary<number | undefined> = fc.oneof(fc.constant(undefined), fc.constant(-1), fc.nat({ max: 600 }));

/**
 * Cut points for a stream of any length: raw numbers taken modulo (length + 1) and sorted,
 * so that they shrink independently of the stream. Equal cuts make empty chunks.
 */
export const cuts: fc.Arbitrary<number[]> = fc.array(fc.nat({ max: 0xffff }), { maxLength: 24, size: "max" });

export function splitAt(stream: Buffer, rawCuts: number[]): Buffer[] {
  const points = rawCuts.map((c) => c % (stream.length + 1)).sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(stream.subarray(from, p));
    from = p;
  }
  chunks.push(stream.subarray(from));
  return chunks;
}

/** Overwrites a few bytes (positions taken modulo the length): a near-miss of a valid input. */
export const byteEdits = fc.array(fc.record({ at: fc.nat(), value: fc.nat({ max: 255 }) }), {
  minLength: 1,
  maxLength: 4,
});

export function applyEdits(input: Buffer, edits: Array<{ at: number; value: number }>): Buffer {
  const out = Buffer.from(input);
  if (out.length === 0) return out;
  for (const { at, value } of edits) out[at % out.length] = value;
  return out;
}

export type DecodedEvent = { kind: "message"; frames: Buffer[] } | { kind: "command"; name: string; data: Buffer } | { kind: "error"; reason: string };

/** A FrameDecoder that records its events; `onEvent` runs after each one is recorded. */
export function recordingDecoder(maxFrameSize?: number, onEvent?: () => void): { decoder: FrameDecoder; events: DecodedEvent[] } {
  const events: DecodedEvent[] = [];
  const decoder = new FrameDecoder(
    {
      message: (frames) => {
        events.push({ kind: "message", frames });
        onEvent?.();
      },
      command: (name, data) => {
        events.push({ kind: "command", name, data });
        onEvent?.();
      },
      error: (reason) => {
        events.push({ kind: "error", reason });
        onEvent?.();
      },
    },
    maxFrameSize,
  );
  return { decoder, events };
}

/** One event as a string (bodies in hex); an error's reason is kept unless `withReasons` is false. */
export function eventText(e: Item | { kind: "error"; reason?: string }, withReasons = true): string {
  switch (e.kind) {
    case "message":
      return `message[${e.frames.map((f) => f.toString("hex")).join(",")}]`;
    case "command":
      return `command(${JSON.stringify(e.name)},${e.data.toString("hex")})`;
    case "error":
      return withReasons ? `error(${e.reason ?? ""})` : "error";
  }
}

/** Events as one string, cheap to compare and readable in a failure report (these streams are small). */
export function eventsText(events: ReadonlyArray<Item | { kind: "error"; reason?: string }>, withReasons = true): string {
  return events.map((e) => eventText(e, withReasons)).join(" ");
}

/**
 * Throws unless the two event texts are equal, with a short message around the first
 * difference. (node's assert renders a full diff, which on long hex strings makes every
 * shrinking step slow.)
 */
export function assertSameText(actual: string, expected: string, label = "events"): void {
  if (actual === expected) return;
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const around = (s: string): string => JSON.stringify(s.slice(Math.max(0, i - 60), i + 60));
  throw new Error(`${label} differ at character ${i}:\n  actual   …${around(actual)}…\n  expected …${around(expected)}…`);
}

/**
 * fast-check parameters for one property: `numRuns` runs (fast-check picks the seed and prints
 * it, with the path, on failure). The time cap is a safety net for failures: shrinking a
 * counterexample can try tens of thousands of candidates, and past the cap fast-check reports
 * the smallest one found so far. failOnInterrupt: a healthy property that cannot finish its
 * runs in time fails too, instead of silently running fewer.
 */
export function runs<Ts>(numRuns: number): fc.Parameters<Ts> {
  return { numRuns, plugins: [fc.interruptAfterTimeLimit(15_000, { failOnInterrupt: true })] };
}
