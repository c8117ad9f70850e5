/**
 * Property: FrameDecoder survives anything a peer can send. For arbitrary bytes (random,
 * frame-shaped with lying sizes, well-formed streams with bytes overwritten or garbage
 * appended), under any maxFrameSize, cut into arbitrary chunks:
 *
 *  - push() never throws, and the events are what RFC 23's frame grammar says those bytes
 *    are: the messages and commands of the well-formed part, then at most one error, last;
 *  - after the error every further byte is ignored and nothing stays buffered;
 *  - the decoder never holds more than the frame it is in the middle of, nor more than
 *    maxFrameSize (plus a partial 8-byte size field);
 *  - it never allocates more than it has received, nor more than maxFrameSize: a declared
 *    size of 2^63 or 2^64-1 is an error before a single body byte is stored.
 *
 * How memory is observed. The decoder exposes `bufferedBytes`, the received bytes it still
 * holds: that bounds what it retains from its input. But a decoder could also allocate the
 * declared body size when it reads a header (the classic length-prefix DoS) while holding
 * few input bytes; to catch that, Buffer's factories (alloc, allocUnsafe, allocUnsafeSlow,
 * from; Buffer.concat goes through allocUnsafe) are wrapped while push() runs and the size of
 * every Buffer they return is recorded. The wrap cannot see `new Uint8Array(n)`; the decoder
 * allocates only through Buffer.allocUnsafe, and a control test below shows that the wrap does
 * see that allocation.
 *
 * fast-check picks a new seed each run and prints it (with the shrunk counterexample) on
 * failure: replay with fc.assert(..., { seed, path }).
 */
import assert from "node:assert/strict";
import { constants as bufferConstants } from "buffer";
import * as fc from "fast-check";
import {
  anyMaxFrameSize,
  applyEdits,
  assertSameText,
  byteEdits,
  bytes,
  cuts,
  eventsText,
  opaqueBody,
  recordingDecoder,
  runs,
  splitAt,
  wireStream,
  type DecodedEvent,
  type Item,
} from "../__tests__/helpers/codec-properties";
import { COMMAND, LONG, MORE, splitCommand } from "../../suites/raw-zmtp/zmtp-bytes";

const GRAMMAR_RUNS = 2000;
const AFTER_ERROR_RUNS = 1000;
const BUFFERED_RUNS = 1000;
const ALLOCATION_RUNS = 1000;
const HUGE_SIZE_RUNS = 1000;
const PREFIX_RUNS = 1000;

const TWO_POW_63 = 2n ** 63n;
const MAX_U64 = 2n ** 64n - 1n;
/** The largest Buffer this Node can allocate: the decoder refuses any longer frame. */
const MAX_BUFFER = BigInt(bufferConstants.MAX_LENGTH);

/** The largest frame body of a wireStream: a command with a 255-byte name and 300 bytes of data. */
const LARGEST_WIRE_BODY = 1 + 255 + 300;
/** maxFrameSize for streams that start with a well-formed prefix: unlimited, or admitting all of it. */
const limitAdmittingPrefix = fc.oneof(fc.constant(undefined), fc.constant(-1), fc.integer({ min: LARGEST_WIRE_BODY, max: 100_000 }));

/**
 * One frame-shaped piece of garbage: any flags byte (command with MORE, reserved bits...), a
 * short or long size field that may lie (anything up to 2^64-1, or the sizes just past the
 * limits), then a body that may be shorter or longer than declared.
 */
const framePiece: fc.Arbitrary<Buffer> = fc
  .record({
    flags: fc.nat({ max: 255 }),
    long: fc.boolean(),
    declared: fc.oneof(
      fc.constant(null), // the body's real length
      fc.bigInt(0n, 600n),
      fc.bigInt(0n, MAX_U64),
      fc.constantFrom(TWO_POW_63 - 1n, TWO_POW_63, MAX_U64, MAX_BUFFER, MAX_BUFFER + 1n),
    ),
    body: fc.oneof(bytes(0, 16), opaqueBody(0, 300)),
  })
  .map(({ flags, long, declared, body }) => {
    const size = declared ?? BigInt(body.length);
    if (!long && size <= 255n) return Buffer.concat([Buffer.from([flags & ~LONG, Number(size)]), body]);
    const header = Buffer.alloc(9);
    header[0] = flags | LONG;
    header.writeBigUInt64BE(size, 1);
    return Buffer.concat([header, body]);
  });

/** Anything a peer could send, biased towards almost-valid streams. */
const garbage: fc.Arbitrary<Buffer> = fc.oneof(
  bytes(0, 200),
  fc.array(framePiece, { maxLength: 4 }).map((pieces) => Buffer.concat(pieces)),
  fc.tuple(wireStream(4), byteEdits).map(([s, edits]) => applyEdits(s.wire, edits)),
  fc.tuple(wireStream(4), bytes(1, 40)).map(([s, tail]) => Buffer.concat([s.wire, tail])),
  fc.tuple(wireStream(4), framePiece).map(([s, piece]) => Buffer.concat([s.wire, piece])),
);

type Expected = {
  events: Array<Item | { kind: "error" }>;
  /** True when the bytes contain a violation (then the last event is the error). */
  failed: boolean;
  /** Where the frame the bytes end in the middle of starts (the length when they end between frames). */
  tailStart: number;
};

/**
 * What RFC 23's grammar (and the decoder's documented policy: reserved bits ignored, sizes
 * checked against maxFrameSize and the largest Buffer) says the bytes are, read in one go.
 * A violation is reported as soon as the bytes that show it are there: a command flagged
 * MORE or inside a multipart message at its flags byte, a bad size once the size field is
 * complete, a command name running past its body once the body is complete.
 */
function grammar(stream: Buffer, limit: number | undefined): Expected {
  const events: Expected["events"] = [];
  const failure = (): Expected => ({ events: [...events, { kind: "error" }], failed: true, tailStart: stream.length });
  let parts: Buffer[] | null = null;
  let at = 0;
  while (at < stream.length) {
    const flags = stream[at];
    const isCommand = (flags & COMMAND) !== 0;
    if (isCommand && ((flags & MORE) !== 0 || parts !== null)) return failure();
    const headerLength = flags & LONG ? 9 : 2;
    if (stream.length < at + headerLength) break;
    const size = flags & LONG ? stream.readBigUInt64BE(at + 1) : BigInt(stream[at + 1]);
    if (size >= TWO_POW_63) return failure();
    if (limit !== undefined && limit >= 0 && size > BigInt(limit)) return failure();
    if (size > MAX_BUFFER) return failure();
    if (isCommand && size === 0n) return failure();
    const bodyStart = at + headerLength;
    if (BigInt(stream.length - bodyStart) < size) break;
    const body = stream.subarray(bodyStart, bodyStart + Number(size));
    if (isCommand) {
      const split = splitCommand(body);
      if (split === null) return failure();
      events.push({ kind: "command", name: split.name, data: split.data });
    } else if (flags & MORE) {
      (parts ??= []).push(body);
    } else {
      events.push({ kind: "message", frames: [...(parts ?? []), body] });
      parts = null;
    }
    at = bodyStart + Number(size);
  }
  return { events, failed: false, tailStart: at };
}

/** Sizes of the Buffers created while `recording` is true (see the header comment). */
const allocations: number[] = [];
let recording = false;
beforeAll(() => {
  for (const factory of ["alloc", "allocUnsafe", "allocUnsafeSlow", "from"] as const) {
    const real = Buffer[factory] as (...args: unknown[]) => Buffer;
    jest.spyOn(Buffer, factory).mockImplementation(((...args: unknown[]) => {
      const made = real.apply(Buffer, args);
      if (recording) allocations.push(made.byteLength);
      return made;
    }) as never);
  }
});
afterAll(() => jest.restoreAllMocks());

/** decoder.push with allocation recording on. */
function recordedPush(decoder: { push(chunk: Buffer): void }, chunk: Buffer): void {
  recording = true;
  try {
    decoder.push(chunk);
  } finally {
    recording = false;
  }
}

const errorCount = (events: DecodedEvent[]): number => events.filter((e) => e.kind === "error").length;

describe("frame decoder properties: arbitrary input", () => {
  test(`any bytes decode as the frame grammar says: valid events, then at most one error, last (${GRAMMAR_RUNS} runs)`, () => {
    const outcomes = { error: 0, clean: 0 };
    fc.assert(
      fc.property(garbage, cuts, anyMaxFrameSize, (stream, rawCuts, limit) => {
        const { decoder, events } = recordingDecoder(limit);
        for (const chunk of splitAt(stream, rawCuts)) decoder.push(chunk); // a throw fails the property
        const want = grammar(stream, limit);
        assertSameText(eventsText(events, false), eventsText(want.events, false));
        const errors = errorCount(events);
        assert.ok(errors <= 1, "more than one error");
        if (errors === 1) {
          const last = events[events.length - 1];
          assert.ok(last.kind === "error" && last.reason.length > 0, "the error is not last, or has no reason");
        }
        outcomes[want.failed ? "error" : "clean"]++;
      }),
      runs(GRAMMAR_RUNS),
    );
    assert.ok(outcomes.error >= GRAMMAR_RUNS / 10 && outcomes.clean >= GRAMMAR_RUNS / 10, JSON.stringify(outcomes));
  });

  test(`after an error, further input is ignored and nothing is held (${AFTER_ERROR_RUNS} runs)`, () => {
    let failedRuns = 0;
    const moreInput = fc.array(fc.oneof(bytes(0, 64), framePiece), { maxLength: 4 });
    fc.assert(
      fc.property(garbage, anyMaxFrameSize, moreInput, (stream, limit, more) => {
        const { decoder, events } = recordingDecoder(limit);
        decoder.push(stream);
        if (errorCount(events) === 0) return;
        failedRuns++;
        const seen = events.length;
        assert.equal(decoder.bufferedBytes, 0);
        for (const chunk of more) {
          decoder.push(chunk);
          assert.equal(decoder.bufferedBytes, 0);
        }
        assert.equal(events.length, seen, "an event after the error");
      }),
      runs(AFTER_ERROR_RUNS),
    );
    assert.ok(failedRuns >= AFTER_ERROR_RUNS / 5, `only ${failedRuns} runs reached an error`);
  });

  test(`the decoder holds at most the frame in progress, and never more than maxFrameSize (${BUFFERED_RUNS} runs)`, () => {
    let heldSomething = 0;
    fc.assert(
      fc.property(garbage, cuts, anyMaxFrameSize, (stream, rawCuts, limit) => {
        const { decoder } = recordingDecoder(limit);
        let pushed = 0;
        for (const chunk of splitAt(stream, rawCuts)) {
          decoder.push(chunk);
          pushed += chunk.length;
          const sofar = grammar(stream.subarray(0, pushed), limit);
          const held = decoder.bufferedBytes;
          if (held > 0) heldSomething++;
          // Nothing of a frame already delivered, nothing at all after an error.
          const inProgress = pushed - sofar.tailStart;
          assert.ok(held <= inProgress, `holds ${held} bytes, the frame in progress has ${inProgress}`);
          // At most a partial 8-byte size field, or less than one body of at most maxFrameSize bytes.
          if (limit !== undefined && limit >= 0) {
            assert.ok(held <= Math.max(limit, 8), `holds ${held} bytes with maxFrameSize ${limit}`);
          }
        }
      }),
      runs(BUFFERED_RUNS),
    );
    assert.ok(heldSomething >= BUFFERED_RUNS / 10, `only ${heldSomething} pushes left bytes held`);
  });

  test(`no allocation exceeds the bytes received or maxFrameSize (${ALLOCATION_RUNS} runs)`, () => {
    fc.assert(
      fc.property(garbage, cuts, anyMaxFrameSize, (stream, rawCuts, limit) => {
        const { decoder } = recordingDecoder(limit);
        let pushed = 0;
        for (const chunk of splitAt(stream, rawCuts)) {
          allocations.length = 0;
          recordedPush(decoder, chunk);
          pushed += chunk.length;
          for (const size of allocations) {
            assert.ok(size <= pushed, `allocated ${size} bytes after receiving ${pushed}`);
            if (limit !== undefined && limit >= 0) {
              assert.ok(size <= limit, `allocated ${size} bytes with maxFrameSize ${limit}`);
            }
          }
        }
      }),
      runs(ALLOCATION_RUNS),
    );
  });

  test(`a declared size above the limit, up to 2^64-1, is one error: nothing allocated, nothing held (${HUGE_SIZE_RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        wireStream(3),
        fc.nat({ max: 255 }),
        limitAdmittingPrefix,
        fc.bigInt(0n, MAX_U64),
        fc.oneof(bytes(0, 16), opaqueBody(0, 300)),
        cuts,
        ({ items, wire }, flags, limit, rawSize, after, rawCuts) => {
          // The smallest size the decoder must refuse: past the limit, or past the largest Buffer.
          const floor = limit !== undefined && limit >= 0 ? BigInt(limit) + 1n : MAX_BUFFER + 1n;
          const size = floor + (rawSize % (MAX_U64 - floor + 1n));
          const header = Buffer.alloc(9);
          header[0] = (flags | LONG) & ~MORE; // data or command (never a command flagged MORE: that fails earlier)
          header.writeBigUInt64BE(size, 1);
          const { decoder, events } = recordingDecoder(limit);
          allocations.length = 0;
          for (const chunk of splitAt(Buffer.concat([wire, header, after]), rawCuts)) recordedPush(decoder, chunk);

          assertSameText(eventsText(events.slice(0, -1)), eventsText(items), "the valid prefix");
          assert.equal(events.length, items.length + 1);
          assert.equal(events[events.length - 1].kind, "error");
          assert.equal(decoder.bufferedBytes, 0);
          // The only Buffers made are copies of prefix frames that straddled chunks.
          const bodySizes = (i: Item): number[] => (i.kind === "message" ? i.frames.map((f) => f.length) : [1 + i.name.length + i.data.length]);
          const prefixBodies = new Set(items.flatMap(bodySizes));
          for (const n of allocations) {
            assert.ok(prefixBodies.has(n), `allocated ${n} bytes; the oversized frame declared ${size}`);
          }
        },
      ),
      runs(HUGE_SIZE_RUNS),
    );
  });

  test(`garbage after a valid prefix: the prefix's events all come first, then at most one error (${PREFIX_RUNS} runs)`, () => {
    fc.assert(
      fc.property(wireStream(4), garbage, cuts, limitAdmittingPrefix, ({ items, wire }, tail, rawCuts, limit) => {
        const { decoder, events } = recordingDecoder(limit);
        for (const chunk of splitAt(Buffer.concat([wire, tail]), rawCuts)) decoder.push(chunk);
        assertSameText(eventsText(events.slice(0, items.length)), eventsText(items), "the valid prefix");
        const rest = events.slice(items.length);
        assert.ok(
          rest.slice(0, -1).every((e) => e.kind !== "error"),
          "an error before the last event",
        );
      }),
      runs(PREFIX_RUNS),
    );
  });

  test("control: the allocation recorder sees the decoder's copy of a frame that straddles chunks", () => {
    const { decoder, events } = recordingDecoder();
    const body = Buffer.alloc(1000, 7);
    const header = Buffer.from([0x02, 0, 0, 0, 0, 0, 0, 0x03, 0xe8]); // long form, 1000
    allocations.length = 0;
    recordedPush(decoder, Buffer.concat([header, body.subarray(0, 400)]));
    recordedPush(decoder, Buffer.from(body.subarray(400)));
    expect(events).toHaveLength(1);
    expect(allocations).toContain(1000);
  });
});
