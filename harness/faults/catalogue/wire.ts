import type { Fault } from "../faulty-implementation";
import { switchedOn } from "../faulty-implementation";

export const waitsForFullGreeting: Fault = {
  id: "waits-for-full-greeting",
  mirrors:
    "a peer that reads libzmq's whole 64-octet greeting before sending its own: libzmq sends in stages and waits too, both stall until the handshake timeout",
  clauses: ["zmtp.greeting.full", "zmtp.greeting.full-immediately", "compat.libzmq.greeting-in-stages"],
  caughtBy: ["zmtp-wire.staged-greeting-peer-served"],
  createSocket: switchedOn("waits-for-full-greeting"),
};

export const wrongReadyEncoding: Fault = {
  id: "wrong-ready-encoding",
  mirrors: "READY property value sizes written little-endian (writeUInt32LE), where RFC 23 says four octets in network byte order",
  clauses: ["zmtp.ready.grammar", "zmtp.ready.value-size-field"],
  caughtBy: ["zmtp-wire.ready-well-formed"],
  createSocket: switchedOn("wrong-ready-encoding"),
};

export const noIdentityForDealer: Fault = {
  id: "no-identity-for-dealer",
  mirrors: "a READY carrying Socket-Type only, for every socket type; libzmq sends Identity (empty or the routing id) for REQ, DEALER and ROUTER",
  clauses: ["compat.libzmq.ready-properties"],
  caughtBy: ["zmtp-wire.ready-identity"],
  createSocket: switchedOn("no-identity-for-dealer"),
};

export const acceptsIncompatibleSocketTypes: Fault = {
  id: "accepts-incompatible-socket-types",
  mirrors: "a handshake that never checks the peer's Socket-Type against the legal pairs (RFC 23 says SHOULD enforce; libzmq closes the connection)",
  clauses: ["zmtp.socket-type.enforce", "zmtp.socket-type.legal-peers", "zmtp.socket-type.invalid-error-close"],
  caughtBy: ["interop.rejects-push-to-pair"],
  createSocket: switchedOn("accepts-incompatible-socket-types"),
};

export const ignoresMore: Fault = {
  id: "ignores-more",
  mirrors: "a decoder that hands up every frame as a message of its own, breaking multipart atomicity",
  clauses: ["zmtp.frame.flags.more", "zmtp.message.atomic"],
  caughtBy: ["zmtp-wire.pull-receives-multipart"],
  createSocket: switchedOn("ignores-more"),
};

export const shortSizeAt256: Fault = {
  id: "short-size-at-256",
  mirrors: "the 255/256 frame-size boundary off by one (size <= 256 for the 1-octet form): a 256-octet frame goes out with size octet 0",
  clauses: ["zmtp.frame.flags.long-size", "zmtp.frame.layout"],
  caughtBy: ["interop.frame-size-boundaries"],
  createSocket: switchedOn("short-size-at-256"),
};
