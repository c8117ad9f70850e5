/**
 * The ZMTP 3.0 socket types (RFC 23 "The Socket-Type Property") and which pairs
 * may talk. The 3.1 draft types (CLIENT, SERVER, RADIO, ...) are left out: libzmq
 * only knows them in draft builds.
 */

export type SocketTypeName = "PAIR" | "PUB" | "SUB" | "REQ" | "REP" | "DEALER" | "ROUTER" | "PULL" | "PUSH" | "XPUB" | "XSUB";

export const SOCKET_TYPE_NAMES: readonly SocketTypeName[] = Object.freeze([
  "PAIR",
  "PUB",
  "SUB",
  "REQ",
  "REP",
  "DEALER",
  "ROUTER",
  "PULL",
  "PUSH",
  "XPUB",
  "XSUB",
] as const);

/** For each type, the peer types it may be connected to (the table of RFC 23, which is symmetric). */
const PEERS: Readonly<Record<SocketTypeName, readonly string[]>> = {
  PAIR: ["PAIR"],
  PUB: ["SUB", "XSUB"],
  SUB: ["PUB", "XPUB"],
  REQ: ["REP", "ROUTER"],
  REP: ["REQ", "DEALER"],
  DEALER: ["REP", "DEALER", "ROUTER"],
  ROUTER: ["REQ", "DEALER", "ROUTER"],
  PULL: ["PUSH"],
  PUSH: ["PULL"],
  XPUB: ["SUB", "XSUB"],
  XSUB: ["PUB", "XPUB"],
};

/**
 * RFC 23/37 valid pairs: REQ-REP, REQ-ROUTER, DEALER-REP, DEALER-DEALER, DEALER-ROUTER, ROUTER-ROUTER,
 * PUB-SUB, PUB-XSUB, XPUB-SUB, XPUB-XSUB, PUSH-PULL, PAIR-PAIR (symmetric). peer is the raw string from
 * the peer's READY. The comparison is exact and case-sensitive, as libzmq's (memcmp of the
 * value): "dealer" or "DEALER\0" is not a DEALER.
 */
export function isCompatible(own: SocketTypeName, peer: string): boolean {
  // hasOwn: a bad `own` from untyped code ("constructor", ...) must not reach Object.prototype.
  return Object.prototype.hasOwnProperty.call(PEERS, own) && PEERS[own].includes(peer);
}

/** REQ, DEALER and ROUTER send an Identity property in READY. */
export function sendsIdentity(type: SocketTypeName): boolean {
  return type === "REQ" || type === "DEALER" || type === "ROUTER";
}
