/**
 * Properties of the command codec (commands.ts, and encodeCommand's name rule): every command
 * the session sends comes out of the peer's FrameDecoder and parsers as what went in, the
 * encoders refuse exactly the names, TTLs and contexts the grammar forbids, and the parsers
 * (decodeProperties, decodePing, parseLegacySubscription) never throw on arbitrary bytes and
 * agree with an independent reading of RFC 23's grammar (zmtp-bytes' parseProperties).
 *
 * fast-check picks a new seed each run and prints it (with the shrunk counterexample) on
 * failure: replay with fc.assert(..., { seed, path }).
 */
import assert from "node:assert/strict";
import * as fc from "fast-check";
import { applyEdits, byteEdits, bytes, frameBody, opaqueBody, recordingDecoder, runs } from "../__tests__/helpers/codec-properties";
import { parseProperties } from "../../suites/raw-zmtp/zmtp-bytes";
import {
  decodePing,
  decodeProperties,
  encodeCancel,
  encodeError,
  encodePing,
  encodePong,
  encodeProperties,
  encodeReady,
  encodeSubscribe,
  legacySubscription,
  parseLegacySubscription,
} from "./commands";
import { encodeCommand } from "./frame-encoder";
import { SOCKET_TYPE_NAMES } from "./socket-types";

const PROPERTIES_RUNS = 1000;
const PROPERTY_PARSER_RUNS = 2000;
const SMALL_PARSER_RUNS = 3000;
const READY_RUNS = 2000;
const SMALL_COMMAND_RUNS = 2000;
const GRAMMAR_RUNS = 2000;

const LETTERS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"];
/** name-char = ALPHA | DIGIT | "-" | "_" | "." | "+" (RFC 23, NULL mechanism metadata). */
const NAME_CHARS = [...LETTERS, ..."0123456789-_.+"];

/**
 * Property names: short, near the 255-character limit, and a few well-known names in random
 * case, so that lists often repeat a name (names are case-insensitive: the first one wins).
 */
/** Any one-byte character (the socket type is sent as latin1). */
const latin1Char = fc.nat({ max: 255 }).map((c) => String.fromCharCode(c));

const propertyName = fc.oneof(
  fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 8, size: "max" }),
  fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 250, maxLength: 255, size: "max" }),
  fc.mixedCase(fc.constantFrom("socket-type", "identity", "resource", "x-a.b_c+1")),
);

/** Values of any bytes; with `large`, sometimes 64 KiB (a READY body far past the short size form). */
function propertyList(options: { large: boolean }): fc.Arbitrary<Array<[string, Buffer]>> {
  const value = fc.oneof(
    { weight: 4, arbitrary: bytes(0, 16) },
    { weight: 4, arbitrary: opaqueBody(0, 300) },
    { weight: options.large ? 1 : 0, arbitrary: opaqueBody(65_530, 66_000) },
  );
  return fc.array(fc.tuple(propertyName, value), { maxLength: 6, size: "max" });
}

/** What decodeProperties must return for a list: lower-cased names, first value of each, in order. */
function expectedMap(list: ReadonlyArray<readonly [string, Buffer]>): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const [name, value] of list) if (!out.has(name.toLowerCase())) out.set(name.toLowerCase(), value);
  return out;
}

function assertSameMap(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  assert.deepEqual([...actual.keys()], [...expected.keys()]);
  for (const [name, value] of expected) {
    const got = actual.get(name)!;
    assert.ok(got.equals(value), `property ${name}: ${got.length} bytes, want ${value.length}`);
  }
}

/** The one command a whole command frame decodes to, through the real decoder. */
function decodeCommand(frame: Buffer): { name: string; data: Buffer } {
  const { decoder, events } = recordingDecoder();
  decoder.push(frame);
  assert.equal(events.length, 1);
  const event = events[0];
  assert.ok(event.kind === "command", `decoded a ${event.kind}`);
  assert.equal(decoder.bufferedBytes, 0);
  return { name: event.name, data: event.data };
}

describe("command codec properties", () => {
  test(`any property list round-trips: encodeProperties → READY frame → decoder → decodeProperties (${PROPERTIES_RUNS} runs)`, () => {
    let repeatedNames = 0;
    fc.assert(
      fc.property(propertyList({ large: true }), (list) => {
        const encoded = encodeProperties(list);
        const direct = decodeProperties(encoded);
        assert.ok(direct.ok, direct.ok ? "" : direct.reason);
        const want = expectedMap(list);
        assertSameMap(direct.properties, want);
        const { name, data } = decodeCommand(encodeCommand("READY", encoded));
        assert.equal(name, "READY");
        const viaFrame = decodeProperties(data);
        assert.ok(viaFrame.ok, viaFrame.ok ? "" : viaFrame.reason);
        assertSameMap(viaFrame.properties, want);
        if (want.size < list.length) repeatedNames++;
      }),
      runs(PROPERTIES_RUNS),
    );
    assert.ok(repeatedNames >= PROPERTIES_RUNS / 20, `only ${repeatedNames} lists repeated a name`);
  });

  test(`decodeProperties never throws, returns views of its input, and agrees with an independent parser (${PROPERTY_PARSER_RUNS} runs)`, () => {
    const outcomes = { ok: 0, malformed: 0 };
    const input = fc.oneof(
      propertyList({ large: false }).map((list) => encodeProperties(list)),
      fc.tuple(propertyList({ large: false }), byteEdits).map(([list, edits]) => applyEdits(encodeProperties(list), edits)),
      fc.tuple(propertyList({ large: false }), fc.nat()).map(([list, cut]) => {
        const encoded = encodeProperties(list);
        return encoded.subarray(0, cut % (encoded.length + 1));
      }),
      fc.tuple(propertyList({ large: false }), bytes(1, 16)).map(([list, tail]) => Buffer.concat([encodeProperties(list), tail])),
      bytes(0, 64),
    );
    fc.assert(
      fc.property(input, (data) => {
        const ours = decodeProperties(data);
        const theirs = parseProperties(data);
        const why = ours.ok ? `accepted; zmtp-bytes says ${theirs.ok ? "" : theirs.reason}` : `refused: ${ours.reason}`;
        assert.equal(ours.ok, theirs.ok, why);
        if (!ours.ok || !theirs.ok) {
          if (!ours.ok) assert.ok(ours.reason.length > 0);
          outcomes.malformed++;
          return;
        }
        outcomes.ok++;
        assertSameMap(ours.properties, expectedMap(theirs.properties));
        for (const value of ours.properties.values()) {
          assert.equal(value.buffer, data.buffer, "a value is a copy, not a view");
        }
      }),
      runs(PROPERTY_PARSER_RUNS),
    );
    const enough = PROPERTY_PARSER_RUNS / 5;
    assert.ok(outcomes.ok >= enough && outcomes.malformed >= enough, JSON.stringify(outcomes));
  });

  test(`READY: any socket type and identity arrive as sent; identities over 255 bytes are refused (${READY_RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...SOCKET_TYPE_NAMES), fc.string({ unit: latin1Char, maxLength: 24 })),
        fc.option(fc.oneof(bytes(0, 16), opaqueBody(250, 255), opaqueBody(256, 300)), { nil: undefined }),
        (socketType, identity) => {
          if (identity !== undefined && identity.length > 255) {
            assert.throws(() => encodeReady(socketType, identity), RangeError);
            return;
          }
          const { name, data } = decodeCommand(encodeReady(socketType, identity));
          assert.equal(name, "READY");
          const parsed = decodeProperties(data);
          assert.ok(parsed.ok, parsed.ok ? "" : parsed.reason);
          const want = new Map<string, Buffer>([["socket-type", Buffer.from(socketType, "latin1")]]);
          if (identity !== undefined) want.set("identity", identity);
          assertSameMap(parsed.properties, want);
        },
      ),
      runs(READY_RUNS),
    );
  });

  test(`PING, PONG, SUBSCRIBE, CANCEL, ERROR and 3.0 subscriptions arrive as sent (${SMALL_COMMAND_RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 0xffff }),
        bytes(0, 16),
        frameBody({ large: false }),
        fc.boolean(),
        fc.oneof(
          fc.string({ maxLength: 255, size: "max" }),
          fc.string({ unit: "binary", maxLength: 100, size: "max" }), // any code point: 1..4 UTF-8 bytes each
        ),
        (ttl, context, topic, subscribe, reason) => {
          const ping = decodeCommand(encodePing(ttl, context));
          assert.equal(ping.name, "PING");
          const parsedPing = decodePing(ping.data);
          assert.ok(parsedPing !== null && parsedPing.ttl === ttl && parsedPing.context.equals(context), "PING");

          const pong = decodeCommand(encodePong(context));
          assert.ok(pong.name === "PONG" && pong.data.equals(context), "PONG");

          for (const [encode, commandName] of [
            [encodeSubscribe, "SUBSCRIBE"],
            [encodeCancel, "CANCEL"],
          ] as const) {
            const got = decodeCommand(encode(topic));
            assert.ok(got.name === commandName && got.data.equals(topic), commandName);
          }

          const legacy = parseLegacySubscription(legacySubscription(subscribe, topic));
          assert.ok(legacy?.subscribe === subscribe && legacy.topic.equals(topic), "3.0 subscription");

          // error-reason = OCTET 0*255VCHAR (RFC 23). encodeError checks only the length and
          // sends any text as UTF-8: its bytes must arrive after their count.
          const text = Buffer.from(reason, "utf8");
          if (text.length > 255) {
            assert.throws(() => encodeError(reason), RangeError);
          } else {
            const error = decodeCommand(encodeError(reason));
            assert.equal(error.name, "ERROR");
            assert.ok(error.data[0] === text.length && error.data.subarray(1).equals(text), "ERROR reason");
          }
        },
      ),
      runs(SMALL_COMMAND_RUNS),
    );
  });

  test(`decodePing and parseLegacySubscription never throw and read any bytes as the grammar says (${SMALL_PARSER_RUNS} runs)`, () => {
    fc.assert(
      fc.property(bytes(0, 24), (data) => {
        const ping = decodePing(data);
        // ping = command-size %d4 "PING" ping-ttl ping-context; ttl = 2OCTET, context = 0*16OCTET (RFC 37)
        if (data.length < 2 || data.length > 18) assert.equal(ping, null);
        else assert.ok(ping?.ttl === data.readUInt16BE(0) && ping.context.equals(data.subarray(2)), "PING data");

        const legacy = parseLegacySubscription(data);
        if (data.length === 0 || data[0] > 1) assert.equal(legacy, null);
        else assert.ok(legacy?.subscribe === (data[0] === 1) && legacy.topic.equals(data.subarray(1)), "subscription");
      }),
      runs(SMALL_PARSER_RUNS),
    );
  });

  test(`the encoders refuse exactly the names, TTLs and contexts the grammar forbids (${GRAMMAR_RUNS} runs)`, () => {
    const anyName = fc.oneof(
      fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 0, maxLength: 8, size: "max" }),
      fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 8, size: "max" }),
      fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 254, maxLength: 257, size: "max" }),
      fc.string({ maxLength: 8 }),
      fc.string({ unit: "binary", maxLength: 8 }),
    );
    const anyTtl = fc.oneof(fc.integer({ min: -2, max: 0x10001 }), fc.double());
    fc.assert(
      fc.property(anyName, anyTtl, bytes(0, 20), (name, ttl, context) => {
        // command-name = 1*255 ALPHA
        const commandOk = name.length >= 1 && name.length <= 255 && [...name].every((c) => LETTERS.includes(c));
        if (commandOk) assert.equal(decodeCommand(encodeCommand(name)).name, name);
        else assert.throws(() => encodeCommand(name), RangeError);

        // property name = 1*255 name-char
        const propertyOk = name.length >= 1 && name.length <= 255 && [...name].every((c) => NAME_CHARS.includes(c));
        if (propertyOk) assert.ok(decodeProperties(encodeProperties([[name, context]])).ok);
        else assert.throws(() => encodeProperties([[name, context]]), RangeError);

        // ping-ttl = 2OCTET (whole deciseconds), ping-context = 0*16OCTET
        const pingOk = Number.isInteger(ttl) && ttl >= 0 && ttl <= 0xffff && context.length <= 16;
        if (pingOk) assert.ok(decodePing(decodeCommand(encodePing(ttl, context)).data) !== null);
        else assert.throws(() => encodePing(ttl, context), RangeError);
        if (context.length > 16) assert.throws(() => encodePong(context), RangeError);
      }),
      runs(GRAMMAR_RUNS),
    );
  });
});
