/**
 * TEST-ONLY fault switches. Nothing in production sets them; they exist so that the conformance
 * suites can be shown to catch broken implementations (harness/faults, `npm run faults`).
 *
 * Why switches inside the reference rather than wrappers around it: these faults live on the
 * wire (the greeting, READY, frame headers, the MORE flag), in the connection life cycle, or in
 * a socket type's bookkeeping of its peers (which peer a REP answers, the subscriptions an XPUB
 * counts and a SUB resends), which the socket API never exposes. A wrapper would have to
 * re-implement the ZMTP session or the socket type to get at them; a switch is one `if` at the
 * spot where a real implementation would have the bug.
 *
 * How they are switched on: a socket option under the symbol TEST_FAULTS (never a string name,
 * so no ordinary option object can carry it by accident, and `Object.entries` in the option
 * loop never sees it). Absent, the set is empty and every check below is false: zero change.
 */
import { FLAG_COMMAND, FLAG_LONG, FLAG_MORE } from "../zmtp/frame-flags";

export const TEST_FAULTS: unique symbol = Symbol.for("zmq-ipc-conformance.test-faults");

export const WIRE_FAULTS = [
  /** Sends nothing until the peer's whole 64-octet greeting has arrived (deadlocks with libzmq). */
  "waits-for-full-greeting",
  /** READY property value sizes written little-endian instead of network byte order. */
  "wrong-ready-encoding",
  /** DEALER (and REQ, ROUTER) send READY with Socket-Type only, no Identity property. */
  "no-identity-for-dealer",
  /** The peer's Socket-Type is never checked against the legal pairs. */
  "accepts-incompatible-socket-types",
  /** Every received frame is delivered as a message of its own, whatever its MORE flag says. */
  "ignores-more",
  /** A 256-octet frame is sent with the short size form (`size <= 256`): its size octet wraps to 0. */
  "short-size-at-256",
  /** After a connection is lost the connecter never tries again. */
  "no-reconnect",
  /** Messages queued on a connect-side pipe while it had no connection are dropped when one comes up. */
  "drops-queued-before-connect",
  /** Abstract names get a trailing NUL in the address (ipc://@name becomes "\0name\0"). */
  "abstract-trailing-nul",
  /** SUB and XSUB send their subscriptions on a connect-side pipe's first connection only, never again after a reconnect. */
  "no-resubscribe-after-reconnect",
  /** XPUB keeps topics as a plain set: the first cancel (or departure) of any one subscriber forgets the topic and passes its cancel up. */
  "xpub-cancels-at-first-unsubscribe",
  /** XPUB forgets a departed subscriber's topics without passing any cancel up. */
  "xpub-no-cancel-on-disconnect",
  /** REP sends every reply to its first peer, whichever peer asked. */
  "rep-replies-to-first-peer",
  /** The handshake deadline is never disarmed: a connection that completed its handshake is closed when it runs out. */
  "handshake-timer-never-cleared",
  /** unbind() closes the listener only: the connections it had accepted stay open and keep delivering. */
  "unbind-keeps-connections",
] as const;

export type WireFault = (typeof WIRE_FAULTS)[number];

export type TestFaults = ReadonlySet<WireFault>;

export const NO_FAULTS: TestFaults = new Set();

/** The switches a socket was created with (none for every socket made by ordinary code). */
export function testFaultsOf(options: object): TestFaults {
  const value = (options as { [TEST_FAULTS]?: unknown })[TEST_FAULTS];
  if (value === undefined) return NO_FAULTS;
  if (!Array.isArray(value) || !value.every((name) => (WIRE_FAULTS as readonly unknown[]).includes(name))) {
    throw new TypeError(`unknown test fault in ${JSON.stringify(value)}`);
  }
  return new Set(value as WireFault[]);
}

/** READY with each property's 4-octet value size little-endian: an x86 writeUInt32LE slip. */
export function readyWithLittleEndianSizes(properties: Array<[string, Buffer]>): Buffer {
  const body = Buffer.concat([
    Buffer.from("\x05READY", "latin1"),
    ...properties.flatMap(([name, value]) => {
      const size = Buffer.alloc(4);
      size.writeUInt32LE(value.length);
      return [Buffer.from([name.length]), Buffer.from(name, "latin1"), size, value];
    }),
  ]);
  return Buffer.concat([Buffer.from([FLAG_COMMAND, body.length]), body]);
}

/** A message encoded with the off-by-one short-size test: a 256-octet frame gets size octet 0. */
export function messageWithShortSizeAt256(frames: Buffer[]): Buffer {
  return Buffer.concat(
    frames.flatMap((body, i) => {
      const more = i < frames.length - 1 ? FLAG_MORE : 0;
      if (body.length <= 256) return [Buffer.from([more, body.length & 0xff]), body];
      const header = Buffer.alloc(9);
      header[0] = more | FLAG_LONG;
      header.writeBigUInt64BE(BigInt(body.length), 1);
      return [header, body];
    }),
  );
}
