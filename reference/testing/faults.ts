/**
 * TEST-ONLY faults. Nothing in production sets them; they exist so that the conformance suites
 * can be shown to catch broken implementations (harness/faults, `npm run faults`).
 *
 * Why faults inside the reference rather than wrappers around it: these live on the wire (the
 * greeting, READY, frame headers, the MORE flag), in the connection life cycle, or in a socket
 * type's bookkeeping of its peers (which peer a REP answers, the subscriptions an XPUB counts and
 * a SUB resends), which the socket API never exposes. A wrapper would have to re-implement the
 * ZMTP session or the socket type to get at them. Instead the reference reads every such choice
 * from one Behaviour object (reference/behaviour.ts) and each fault here is a change to it: the
 * one seam, and the only file that names a fault.
 *
 * How they are switched on: a socket option under the symbol TEST_FAULTS (never a string name,
 * so no ordinary option object can carry it by accident, and `Object.entries` in the option
 * loop never sees it). Absent, the socket gets STANDARD_BEHAVIOUR itself: zero change.
 */
import { STANDARD_BEHAVIOUR, type Behaviour } from "../behaviour";
import { FLAG_COMMAND, FLAG_LONG, FLAG_MORE } from "../zmtp/frame-flags";

export const TEST_FAULTS: unique symbol = Symbol.for("zmq-ipc-conformance.test-faults");

/** Each fault: the one change to the standard behaviour that makes it. */
const FAULTS = {
  /** Sends nothing until the peer's whole 64-octet greeting has arrived (deadlocks with libzmq). */
  "waits-for-full-greeting": { greetsAtOnce: false },
  /** READY property value sizes written little-endian instead of network byte order. */
  "wrong-ready-encoding": { encodeReady: readyWithLittleEndianSizes },
  /** DEALER (and REQ, ROUTER) send READY with Socket-Type only, no Identity property. */
  "no-identity-for-dealer": { sendsIdentity: false },
  /** The peer's Socket-Type is never checked against the legal pairs. */
  "accepts-incompatible-socket-types": { checksPeerSocketType: false },
  /** Every received frame is delivered as a message of its own, whatever its MORE flag says. */
  "ignores-more": { honoursMore: false },
  /** A 256-octet frame is sent with the short size form (`size <= 256`): its size octet wraps to 0. */
  "short-size-at-256": { encodeMessage: messageWithShortSizeAt256 },
  /** After a connection is lost the connecter never tries again. */
  "no-reconnect": { reconnects: false },
  /** Messages queued on a connect-side pipe while it had no connection are dropped when one comes up. */
  "drops-queued-before-connect": { keepsQueuedBeforeConnect: false },
  /** Abstract names get a trailing NUL in the address (ipc://@name becomes "\0name\0"). */
  "abstract-trailing-nul": { abstractName: (name: string) => `${name}\0` },
  /** SUB and XSUB send their subscriptions on a connect-side pipe's first connection only, never again after a reconnect. */
  "no-resubscribe-after-reconnect": { resubscribesAfterReconnect: false },
  /** XPUB keeps topics as a plain set: the first cancel (or departure) of any one subscriber forgets the topic and passes its cancel up. */
  "xpub-cancels-at-first-unsubscribe": { countsSubscribers: false },
  /** XPUB forgets a departed subscriber's topics without passing any cancel up. */
  "xpub-no-cancel-on-disconnect": { cancelsForDeparted: false },
  /** REP sends every reply to its first peer, whichever peer asked. */
  "rep-replies-to-first-peer": { repliesToAsker: false },
  /** The handshake deadline is never disarmed: a connection that completed its handshake is closed when it runs out. */
  "handshake-timer-never-cleared": { disarmsHandshakeDeadline: false },
  /** unbind() closes the listener only: the connections it had accepted stay open and keep delivering. */
  "unbind-keeps-connections": { unbindClosesAccepted: false },
} satisfies Record<string, Partial<Behaviour>>;

export type WireFault = keyof typeof FAULTS;

export const WIRE_FAULTS = Object.keys(FAULTS) as readonly WireFault[];

/**
 * The behaviour a socket was created with: STANDARD_BEHAVIOUR for every socket made by ordinary
 * code, or the standard one with the faults named under TEST_FAULTS applied.
 */
export function behaviourOf(options: object): Behaviour {
  const value = (options as { [TEST_FAULTS]?: unknown })[TEST_FAULTS];
  if (value === undefined) return STANDARD_BEHAVIOUR;
  if (!Array.isArray(value) || !value.every((name) => (WIRE_FAULTS as readonly unknown[]).includes(name))) {
    throw new TypeError(`unknown test fault in ${JSON.stringify(value)}`);
  }
  return Object.freeze(Object.assign({}, STANDARD_BEHAVIOUR, ...(value as WireFault[]).map((name) => FAULTS[name])));
}

/** READY with each property's 4-octet value size little-endian: an x86 writeUInt32LE slip. */
function readyWithLittleEndianSizes(socketType: string, identity: Buffer | undefined): Buffer {
  const properties: Array<[string, Buffer]> = [["Socket-Type", Buffer.from(socketType, "latin1")]];
  if (identity !== undefined) properties.push(["Identity", identity]);
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
function messageWithShortSizeAt256(frames: Buffer[]): Buffer {
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
