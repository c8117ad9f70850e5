/**
 * Properties of the greeting codec (greeting.ts).
 *
 * readGreeting is incremental in the way the session uses it: it is called again on
 * everything received so far after each chunk (zmtp-session.ts onData), and must answer
 * "incomplete" until it can decide. So its verdicts over the prefixes of any byte string must
 * be consistent (never change once decided), decided as early as possible (an "incomplete"
 * prefix can still become a valid greeting), and independent of how the bytes were chunked.
 * Garbage must never throw, and what is accepted must be exactly a greeting we could encode.
 *
 * Greetings are built with the hand-written RFC builder (zmtp-bytes), not with encodeGreeting,
 * except where encodeGreeting itself is under test. fast-check picks a new seed each run and
 * prints it (with the shrunk counterexample) on failure: replay with fc.assert(..., { seed, path }).
 */
import assert from "node:assert/strict";
import * as fc from "fast-check";
import { applyEdits, byteEdits, bytes, cuts, runs, splitAt } from "../__tests__/helpers/codec-properties";
import { greeting as handMadeGreeting } from "../../suites/raw-zmtp/zmtp-bytes";
import { GREETING_SIZE, encodeGreeting, readGreeting, type Greeting, type GreetingResult } from "./greeting";

const ROUND_TRIP_RUNS = 2000;
const PREFIX_RUNS = 1000;
const CHUNKING_RUNS = 2000;
const SOUNDNESS_RUNS = 3000;

/** mechanism = 1*20 mechanism-char; mechanism-char = "A"-"Z" | DIGIT | "-" | "_" | "." | "+" (RFC 23). */
const MECHANISM_CHARS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.+"];
const mechanism = fc.string({ unit: fc.constantFrom(...MECHANISM_CHARS), minLength: 1, maxLength: 20, size: "max" });

const greetingFieldsModel = {
  major: fc.oneof(fc.constant(3), fc.integer({ min: 3, max: 255 })),
  minor: fc.oneof(fc.constantFrom(0, 1), fc.nat({ max: 255 })),
  mechanism: fc.oneof(fc.constant("NULL"), mechanism),
  asServer: fc.boolean(),
};
/** Any greeting readGreeting must accept (major >= 3: a peer MUST accept higher versions). */
const greetingFields: fc.Arbitrary<Greeting> = fc.record(greetingFieldsModel);

/** A valid greeting with random padding (1..8) and filler (33..63): RFC 23 says not to validate them. */
const validGreetingBytes: fc.Arbitrary<Buffer> = fc.tuple(greetingFields, bytes(8, 8), bytes(31, 31)).map(([g, padding, filler]) => {
  const out = handMadeGreeting({ ...g, asServer: g.asServer ? 1 : 0 });
  padding.copy(out, 1);
  filler.copy(out, 33);
  return out;
});

/** A byte that is usually `valid` (one of), sometimes anything. */
const mostly = (...valid: number[]): fc.Arbitrary<number> =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.nat({ max: 255 }) });

/**
 * A greeting built field by field, each field usually valid and sometimes not: signature
 * bytes, major (including 0..2), minor, as-server (including 2..255), and a mechanism field
 * with a few of its 20 bytes overwritten (lowercase letters, NUL, anything). Random bytes
 * or random edits of a valid greeting rarely make exactly one field wrong.
 */
const fieldwiseGreeting: fc.Arbitrary<Buffer> = fc
  .record({
    signatureStart: mostly(0xff),
    signatureEnd: mostly(0x7f),
    major: mostly(3, 4),
    minor: fc.nat({ max: 255 }),
    mechanism,
    mechanismEdits: fc.array(
      fc.record({
        at: fc.nat({ max: 19 }),
        value: fc.oneof(
          fc.integer({ min: 0x61, max: 0x7a }), // lowercase
          fc.constant(0),
          fc.nat({ max: 255 }),
          fc.constantFrom(...MECHANISM_CHARS.map((c) => c.charCodeAt(0))),
        ),
      }),
      { maxLength: 2 },
    ),
    asServer: mostly(0, 1),
  })
  .map((f) => {
    const out = handMadeGreeting({ ...f });
    for (const { at, value } of f.mechanismEdits) out[12 + at] = value;
    return out;
  });

/**
 * Anything a peer could send first: greetings (valid or not, whole, cut short, edited, with
 * what follows them) and random bytes.
 */
const greetingInput: fc.Arbitrary<Buffer> = fc.oneof(
  validGreetingBytes,
  fieldwiseGreeting,
  fc.tuple(fieldwiseGreeting, fc.nat({ max: GREETING_SIZE })).map(([g, n]) => g.subarray(0, n)),
  fc.tuple(validGreetingBytes, byteEdits).map(([g, edits]) => applyEdits(g, edits)),
  fc.tuple(fieldwiseGreeting, bytes(1, 16)).map(([g, after]) => Buffer.concat([g, after])),
  bytes(0, 80),
);

function same(a: GreetingResult, b: GreetingResult): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A valid greeting starting with `prefix`, when the prefix is (as readGreeting claims for an
 * incomplete one) a possible start: the rest of a NULL greeting, with the mechanism field's
 * remainder NUL when the prefix already holds mechanism characters.
 */
function completion(prefix: Buffer): Buffer {
  const rest = handMadeGreeting().subarray(prefix.length);
  if (prefix.length > 12) rest.fill(0, 0, Math.max(0, 32 - prefix.length));
  return Buffer.concat([prefix, rest]);
}

describe("greeting properties", () => {
  test(`any greeting encodeGreeting accepts round-trips through readGreeting, whatever follows it (${ROUND_TRIP_RUNS} runs)`, () => {
    // Every version byte, not only the >= 3 that readGreeting accepts: encodeGreeting must
    // refuse what our own reader would reject.
    const anyVersionFields = fc.record({ ...greetingFieldsModel, major: fc.nat({ max: 255 }) });
    fc.assert(
      fc.property(fc.oneof(greetingFields, anyVersionFields), bytes(0, 16), (fields, after) => {
        if (fields.major < 3) {
          assert.throws(() => encodeGreeting(fields), RangeError);
          return;
        }
        const encoded = encodeGreeting(fields);
        assert.equal(encoded.length, GREETING_SIZE);
        const rfcLayout = handMadeGreeting({ ...fields, asServer: fields.asServer ? 1 : 0 });
        assert.ok(encoded.equals(rfcLayout), "not the RFC layout");
        const want = { state: "complete", greeting: { ...fields } };
        assert.deepEqual(readGreeting(encoded), want);
        assert.deepEqual(readGreeting(Buffer.concat([encoded, after])), want);
      }),
      runs(ROUND_TRIP_RUNS),
    );
  });

  test(`over the prefixes of any bytes, the verdict is "incomplete" until decided, then never changes (${PREFIX_RUNS} runs)`, () => {
    const decidedAt = { invalid: 0, complete: 0, never: 0 };
    fc.assert(
      fc.property(greetingInput, (input) => {
        let decided: GreetingResult | null = null;
        for (let n = 0; n <= input.length; n++) {
          const prefix = input.subarray(0, n);
          const r = readGreeting(prefix); // a throw fails the property
          if (decided !== null) {
            assert.ok(same(r, decided), `prefix ${n}: ${JSON.stringify(r)} after ${JSON.stringify(decided)}`);
            continue;
          }
          if (r.state === "incomplete") {
            assert.ok(n < GREETING_SIZE, "incomplete with 64 bytes");
            // As early as possible: while "incomplete", the bytes can still become a valid greeting.
            const completed = readGreeting(completion(prefix));
            const why = `prefix ${n} (${prefix.toString("hex")}) cannot be completed: ${JSON.stringify(completed)}`;
            assert.equal(completed.state, "complete", why);
            continue;
          }
          if (r.state === "complete") assert.equal(n, GREETING_SIZE, "complete before 64 bytes");
          else assert.ok(r.reason.length > 0, "an invalid verdict without a reason");
          decided = r;
        }
        decidedAt[decided === null ? "never" : decided.state === "complete" ? "complete" : "invalid"]++;
      }),
      runs(PREFIX_RUNS),
    );
    for (const [what, count] of Object.entries(decidedAt)) {
      assert.ok(count >= PREFIX_RUNS / 40, `only ${count} inputs decided: ${what}`);
    }
  });

  test(`any chunking, accumulated as the session does, reaches the verdict on the whole bytes (${CHUNKING_RUNS} runs)`, () => {
    fc.assert(
      fc.property(greetingInput, cuts, (input, rawCuts) => {
        let received: Buffer = Buffer.alloc(0);
        let verdict: GreetingResult = { state: "incomplete" };
        for (const chunk of splitAt(input, rawCuts)) {
          received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
          verdict = readGreeting(received);
          if (verdict.state !== "incomplete") break;
        }
        assert.deepEqual(verdict, readGreeting(input));
      }),
      runs(CHUNKING_RUNS),
    );
  });

  test(`anything accepted is exactly a greeting we could encode, and the padding, filler and later bytes never matter (${SOUNDNESS_RUNS} runs)`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(greetingInput, bytes(8, 8), bytes(31, 31), bytes(0, 16), (input, padding, filler, after) => {
        const r = readGreeting(input);
        // Bytes 1..8 (padding), 33..63 (filler) and everything after byte 63 replaced: same verdict.
        const other = Buffer.from(input.subarray(0, GREETING_SIZE));
        if (other.length > 1) padding.subarray(0, Math.min(8, other.length - 1)).copy(other, 1);
        if (other.length > 33) filler.subarray(0, other.length - 33).copy(other, 33);
        const otherInput = input.length > GREETING_SIZE ? Buffer.concat([other, after]) : other;
        assert.ok(same(readGreeting(otherInput), r), "the verdict depends on padding, filler or later bytes");
        if (r.state !== "complete") return;
        accepted++;
        // The grammar, independently of greeting.ts's character test (which encodeGreeting shares).
        assert.match(r.greeting.mechanism, /^[A-Z0-9_.+-]{1,20}$/);
        assert.ok(r.greeting.major >= 3, `major ${r.greeting.major}`);
        // Signature, version, mechanism and as-server are exactly what encodeGreeting writes.
        const reencoded = encodeGreeting(r.greeting);
        for (const [from, to] of [
          [0, 1],
          [9, 33],
        ]) {
          const sameBytes = input.subarray(from, to).equals(reencoded.subarray(from, to));
          assert.ok(sameBytes, `bytes ${from}..${to - 1} differ from the re-encoding`);
        }
      }),
      runs(SOUNDNESS_RUNS),
    );
    assert.ok(accepted >= SOUNDNESS_RUNS / 20, `only ${accepted} inputs accepted`);
  });
});
