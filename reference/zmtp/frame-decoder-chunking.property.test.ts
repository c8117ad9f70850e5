/**
 * Property: how the bytes are cut into chunks never changes what FrameDecoder emits.
 *
 * A socket delivers a stream in arbitrary pieces: a frame header may be split anywhere, a
 * chunk may hold many frames or a single byte, and the decoder takes several paths (a fast
 * path for a short frame inside one chunk, byte-by-byte header reads, one copy for a frame
 * that straddles chunks). Whatever the cut, the events must be those of the unsplit stream:
 * the same messages, commands and error (with the same reason), in the same order, and the
 * same bytes left waiting. Cuts are arbitrary (including empty chunks, which push() accepts),
 * plus one byte at a time, plus chunks pushed from inside the decoder's own callbacks
 * (re-entrant push, which the decoder queues). The same holds when callbacks throw: the
 * exception leaves push(), and the next push resumes where the decoder stopped.
 *
 * fast-check picks a new seed each run and prints it (with the shrunk counterexample) on
 * failure: replay with fc.assert(..., { seed, path }).
 */
import assert from "node:assert/strict";
import * as fc from "fast-check";
import {
  anyMaxFrameSize,
  applyEdits,
  assertSameText,
  byteEdits,
  bytes,
  cuts,
  eventText,
  eventsText,
  recordingDecoder,
  runs,
  splitAt,
  wireStream,
} from "../__tests__/helpers/codec-properties";

const WELL_FORMED_RUNS = 1000;
const ANY_BYTES_RUNS = 1000;
const THROWING_RUNS = 1000;

/**
 * Any bytes, but mostly near a valid stream, where the decoder has the most to get wrong:
 * well-formed streams, the same with a few bytes overwritten, with random bytes appended, and
 * plain random bytes.
 */
const anyStream: fc.Arbitrary<Buffer> = fc.oneof(
  wireStream(4).map((s) => s.wire),
  fc.tuple(wireStream(4), byteEdits).map(([s, edits]) => applyEdits(s.wire, edits)),
  fc.tuple(wireStream(4), bytes(1, 40)).map(([s, garbage]) => Buffer.concat([s.wire, garbage])),
  bytes(0, 200),
);

/** Pushes the chunks one after another; returns the events (as text) and what is left buffered. */
function decodeSequentially(chunks: Buffer[], limit: number | undefined): { text: string; buffered: number } {
  const { decoder, events } = recordingDecoder(limit);
  for (const c of chunks) decoder.push(c);
  return { text: eventsText(events), buffered: decoder.bufferedBytes };
}

/**
 * Pushes the first chunk; every event callback pushes the next one (a nested push, queued by
 * the decoder); whatever is left afterwards is pushed from outside.
 */
function decodeReentrantly(chunks: Buffer[], limit: number | undefined): { text: string; buffered: number } {
  let next = 0;
  const { decoder, events } = recordingDecoder(limit, () => {
    if (next < chunks.length) decoder.push(chunks[next++]);
  });
  while (next < chunks.length) decoder.push(chunks[next++]);
  return { text: eventsText(events), buffered: decoder.bufferedBytes };
}

function oneByteAtATime(stream: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < stream.length; i++) out.push(stream.subarray(i, i + 1));
  return out;
}

describe("frame decoder properties: chunking", () => {
  test(`a well-formed stream cut anywhere decodes to exactly its messages and commands (${WELL_FORMED_RUNS} runs)`, () => {
    fc.assert(
      fc.property(wireStream(4), cuts, ({ items, wire }, rawCuts) => {
        const want = eventsText(items);
        for (const chunks of [[wire], splitAt(wire, rawCuts), oneByteAtATime(wire)]) {
          const got = decodeSequentially(chunks, undefined);
          assertSameText(got.text, want);
          assert.equal(got.buffered, 0);
        }
      }),
      runs(WELL_FORMED_RUNS),
    );
  });

  test(`any bytes, any limit: every chunking gives the events of the unsplit stream (${ANY_BYTES_RUNS} runs)`, () => {
    let errors = 0;
    let leftovers = 0;
    fc.assert(
      fc.property(anyStream, cuts, anyMaxFrameSize, (stream, rawCuts, limit) => {
        const whole = decodeSequentially([stream], limit);
        const chunks = splitAt(stream, rawCuts);
        for (const [how, got] of [
          ["arbitrary cuts", decodeSequentially(chunks, limit)],
          ["one byte at a time", decodeSequentially(oneByteAtATime(stream), limit)],
          ["chunks pushed from inside callbacks", decodeReentrantly(chunks, limit)],
        ] as const) {
          assertSameText(got.text, whole.text, how);
          assert.equal(got.buffered, whole.buffered, `${how}: bytes left buffered`);
        }
        if (whole.text.includes("error(")) errors++;
        if (whole.buffered > 0) leftovers++;
      }),
      runs(ANY_BYTES_RUNS),
    );
    // The inputs must exercise both outcomes, and streams that end inside a frame.
    assert.ok(errors >= ANY_BYTES_RUNS / 10, `only ${errors} runs ended in an error`);
    assert.ok(ANY_BYTES_RUNS - errors >= ANY_BYTES_RUNS / 10, `only ${ANY_BYTES_RUNS - errors} runs without an error`);
    assert.ok(leftovers >= ANY_BYTES_RUNS / 50, `only ${leftovers} runs left bytes buffered`);
  });

  test(`event callbacks that throw lose, repeat or reorder nothing (${THROWING_RUNS} runs)`, () => {
    // The decoder stores its state before each callback, so an exception from one propagates
    // out of push() and the next (non-empty) push resumes after the event that threw. Which
    // callbacks throw: a random cyclic plan over the events.
    let resumed = 0;
    const throwPlan = fc.array(fc.boolean(), { maxLength: 8 });
    fc.assert(
      fc.property(anyStream, cuts, anyMaxFrameSize, throwPlan, (stream, rawCuts, limit, plan) => {
        const whole = recordingDecoder(limit);
        whole.decoder.push(stream);
        const want = whole.events.map((e) => eventText(e));

        let count = 0;
        const { decoder, events } = recordingDecoder(limit, () => {
          if (plan.length > 0 && plan[count++ % plan.length]) throw new Error("thrown by a callback");
        });
        let stalled = false; // a callback threw and no later push has let the decoder resume
        let atFirstThrow = -1;
        for (const chunk of splitAt(stream, rawCuts)) {
          try {
            decoder.push(chunk);
            if (chunk.length > 0) stalled = false; // an empty push does not resume
          } catch (e) {
            assert.equal((e as Error).message, "thrown by a callback");
            if (atFirstThrow < 0) atFirstThrow = events.length;
            stalled = true;
          }
        }
        if (atFirstThrow >= 0 && events.length > atFirstThrow) resumed++;
        const got = events.map((e) => eventText(e));
        // Delivered so far: exactly the first events of the unsplit stream, each once.
        assertSameText(got.join(" "), want.slice(0, got.length).join(" "));
        assert.ok(got.length <= want.length, "more events than the unsplit stream");
        if (!stalled) {
          assert.equal(got.length, want.length, "events lost");
          assert.equal(decoder.bufferedBytes, whole.decoder.bufferedBytes);
        }
      }),
      runs(THROWING_RUNS),
    );
    assert.ok(resumed >= THROWING_RUNS / 20, `only ${resumed} runs resumed after a throw`);
  });
});
