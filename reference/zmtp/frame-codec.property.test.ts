/**
 * Property: what the sending side encodes, the receiving side decodes to exactly the same
 * messages and commands. FrameBatcher + encodeCommand (what a session writes) against
 * FrameDecoder (what the peer's session reads), for arbitrary traffic: multipart messages of
 * any number of frames, empty frames, bodies around the 255/256 short/long size boundary and
 * past the batcher's 8 KiB copy threshold, commands with any legal name and any data, any copy
 * threshold, and take() calls anywhere in the traffic.
 *
 * The example tests (frame-encoder.test.ts) pin the exact bytes; these check that no
 * combination of sizes, flags and batching loses, reorders or alters a byte.
 * fast-check picks a new seed each run and prints it (with the shrunk counterexample) on
 * failure: replay with fc.assert(..., { seed, path }).
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as fc from "fast-check";
import { constants as bufferConstants } from "buffer";
import { frameBody, runs } from "../__tests__/helpers/codec-properties";
import { FrameDecoder } from "./frame-decoder";
import { FrameBatcher, encodeCommand, frameHeader } from "./frame-encoder";
import { FLAG_LONG, FLAG_MORE } from "./frame-flags";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** command-name = 1*255 ALPHA (RFC 23/37), short and near the 255 limit. */
const commandName = fc.oneof(
  fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: 8 }),
  fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 250, maxLength: 255 }),
);

type Outgoing = { kind: "message"; frames: Buffer[] } | { kind: "command"; name: string; data: Buffer };

/** Messages of 0..6 frames (0 frames is not a message: pushMessage must refuse it) and commands. */
const outgoing: fc.Arbitrary<Outgoing> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("message" as const),
      frames: fc.array(frameBody({ large: true }), { maxLength: 6 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("command" as const),
      name: commandName,
      data: frameBody({ large: true }),
    }),
  },
);

/**
 * The batcher's copy threshold: its default, 0 (everything by reference), anything up to 9000,
 * or 1 MiB (everything copied: the scratch buffer fills up and is replaced mid-burst).
 */
const copyThreshold = fc.oneof(fc.constant(undefined), fc.constant(0), fc.integer({ min: 1, max: 9000 }), fc.constant(1 << 20));

function same(a: Outgoing, b: Outgoing): boolean {
  if (a.kind === "message" && b.kind === "message") {
    return a.frames.length === b.frames.length && a.frames.every((f, i) => f.equals(b.frames[i]));
  }
  return a.kind === "command" && b.kind === "command" && a.name === b.name && a.data.equals(b.data);
}

/**
 * For failure reports: an item as a short string (kind, name, each body's length and SHA-1).
 * node's assert.deepEqual would render a diff of 70 KB Buffers at every shrinking step.
 */
function summary(item: Outgoing): string {
  const digest = (b: Buffer): string => `${b.length}:${createHash("sha1").update(b).digest("hex").slice(0, 16)}`;
  return item.kind === "message"
    ? `message[${item.frames.map(digest).join(",")}]`
    : `command(${item.name.length}:${item.name.slice(0, 12)},${digest(item.data)})`;
}

const wireLength = (bodySize: number): number => (bodySize <= 255 ? 2 : 9) + bodySize;

const ROUND_TRIP_RUNS = 1000;
const HEADER_RUNS = 5000;

/**
 * What the generated traffic covered over all runs, checked after fc.assert so that a
 * generator that stopped producing a boundary case would fail instead of passing vacuously.
 */
const seen = {
  emptyFrame: 0,
  size255: 0,
  size256: 0,
  byReference: 0,
  noFrames: 0,
  multipart: 0,
  longCommand: 0,
  midTake: 0,
};

describe("frame codec properties: encoder → decoder", () => {
  test(`any traffic round-trips byte for byte (${ROUND_TRIP_RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.array(fc.record({ out: outgoing, takeAfter: fc.boolean() }), { maxLength: 8 }), copyThreshold, (steps, threshold) => {
        const batcher = new FrameBatcher(threshold);
        const chunks: Buffer[] = [];
        const expected: Outgoing[] = [];
        let written = 0; // wire bytes pushed so far, by the RFC's size rule
        let taken = 0;
        let largestBody = 0;
        for (const { out, takeAfter } of steps) {
          if (out.kind === "message") {
            if (out.frames.length === 0) {
              // No frames is no message: refused, and nothing is queued.
              assert.throws(() => batcher.pushMessage([]), RangeError);
              seen.noFrames++;
            } else {
              batcher.pushMessage(out.frames);
              expected.push({ kind: "message", frames: out.frames });
              if (out.frames.length > 1) seen.multipart++;
              for (const f of out.frames) {
                if (f.length === 0) seen.emptyFrame++;
                if (f.length === 255) seen.size255++;
                if (f.length === 256) seen.size256++;
                if (f.length >= (threshold ?? 8192)) seen.byReference++;
                written += wireLength(f.length);
                largestBody = Math.max(largestBody, f.length);
              }
            }
          } else {
            const encoded = encodeCommand(out.name, out.data);
            const body = 1 + out.name.length + out.data.length;
            // The short size form exactly when the body fits in a byte (RFC 23: SHOULD).
            assert.equal(encoded.length, wireLength(body));
            if (body > 255) seen.longCommand++;
            batcher.pushFrame(encoded);
            expected.push({ kind: "command", name: out.name, data: out.data });
            written += encoded.length;
            largestBody = Math.max(largestBody, body);
          }
          assert.equal(batcher.pendingBytes, written - taken);
          if (takeAfter) {
            seen.midTake++;
            for (const c of batcher.take()) {
              chunks.push(c);
              taken += c.length;
            }
          }
        }
        chunks.push(...batcher.take());
        assert.equal(batcher.pendingBytes, 0);
        assert.ok(
          chunks.every((c) => c.length > 0),
          "take() returned an empty chunk",
        );
        assert.equal(
          chunks.reduce((n, c) => n + c.length, 0),
          written,
        );

        // Decoded with the tightest limit that admits every frame: a frame of exactly
        // maxFrameSize bytes must pass.
        const got: Outgoing[] = [];
        const errors: string[] = [];
        const decoder = new FrameDecoder(
          {
            message: (frames) => got.push({ kind: "message", frames }),
            command: (name, data) => got.push({ kind: "command", name, data }),
            error: (reason) => errors.push(reason),
          },
          largestBody,
        );
        for (const c of chunks) decoder.push(c);
        assert.deepEqual(errors, []);
        assert.equal(decoder.bufferedBytes, 0);
        assert.equal(got.length, expected.length);
        expected.forEach((want, i) => {
          if (!same(got[i], want)) assert.fail(`item ${i}: decoded ${summary(got[i])}, sent ${summary(want)}`);
        });
      }),
      runs(ROUND_TRIP_RUNS),
    );
    for (const [what, count] of Object.entries(seen)) {
      assert.ok(count >= ROUND_TRIP_RUNS / 50, `only ${count} runs generated ${what}`);
    }
  });

  test(`any frame header carries its size and flags, in the short form exactly up to 255 (${HEADER_RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 300 }), fc.maxSafeNat()), fc.nat({ max: 255 }), (size, flags) => {
        const header = frameHeader(size, flags);
        const long = size > 255;
        assert.equal(header.length, long ? 9 : 2);
        assert.equal(header[0], long ? flags | FLAG_LONG : flags & ~FLAG_LONG);
        assert.equal(long ? header.readBigUInt64BE(1) : BigInt(header[1]), BigInt(size));

        // The decoder reads the same size back, even one far too large to ever allocate:
        // with the limit one below it, the error names the exact size; with the limit at it,
        // the decoder waits for the body (or refuses a size no Buffer can hold).
        if (size === 0) return; // limit -1 would mean "unlimited"
        const dataHeader = frameHeader(size, flags & FLAG_MORE);
        const errors: string[] = [];
        const events = { message: () => {}, command: () => {}, error: (r: string) => errors.push(r) };
        new FrameDecoder(events, size - 1).push(dataHeader);
        assert.equal(errors.length, 1);
        assert.ok(errors[0].includes(`frame size ${size} exceeds maxFrameSize ${size - 1}`), errors[0]);
        errors.length = 0;
        const atLimit = new FrameDecoder(events, size);
        atLimit.push(dataHeader);
        if (size <= bufferConstants.MAX_LENGTH) assert.deepEqual(errors, []);
        else assert.ok(errors.length === 1 && errors[0].includes("largest possible Buffer"), errors.join());
        assert.equal(atLimit.bufferedBytes, 0);
      }),
      runs(HEADER_RUNS),
    );
  });
});
