/**
 * What the reference does at each spot where an ipc implementation can get the wire or its
 * bookkeeping wrong. Every socket and session reads these choices from one object: in production
 * it is STANDARD_BEHAVIOUR, the correct one, so the code reads as plain code
 * (`if (behaviour.reconnects) ...`). reference/testing/faults.ts builds the broken variants that
 * show the conformance suites catching a faulty implementation (`npm run faults`); it is the only
 * place that knows about faults.
 */
import { encodeReady } from "./zmtp/commands";

export interface Behaviour {
  // ---- one ZMTP connection (session/zmtp-session.ts) ---------------------------------------
  /** Sends its greeting as soon as the connection opens, before the peer's has arrived (libzmq sends part of its own and waits for the peer's: waiting for the whole first deadlocks). */
  readonly greetsAtOnce: boolean;
  /** This side's READY command frame: Socket-Type, and Identity when given. */
  readonly encodeReady: (socketType: string, identity: Buffer | undefined) => Buffer;
  /** REQ, DEALER and ROUTER put their routing id in READY's Identity property. */
  readonly sendsIdentity: boolean;
  /** A peer whose Socket-Type does not pair with ours is refused (RFC 23/37). */
  readonly checksPeerSocketType: boolean;
  /** Frames joined by the MORE flag are delivered as one message. */
  readonly honoursMore: boolean;
  /** A message's wire bytes when not the frame encoder's own (undefined: the batched frame encoder). */
  readonly encodeMessage: ((frames: Buffer[]) => Buffer) | undefined;
  /** The handshake deadline is disarmed once both READY commands are through. */
  readonly disarmsHandshakeDeadline: boolean;

  // ---- the socket (socket/socket-base.ts, sockets/*) -----------------------------------------
  /** unbind() also closes the connections that endpoint accepted. */
  readonly unbindClosesAccepted: boolean;
  /** Messages queued on a connect-side pipe before its first connection go out on it. */
  readonly keepsQueuedBeforeConnect: boolean;
  /** A lost connection is made again (reconnectInterval). */
  readonly reconnects: boolean;
  /** The name an abstract endpoint `ipc://@name` binds or connects to (the name itself). */
  readonly abstractName: (name: string) => string;
  /** SUB and XSUB send their subscriptions again on every new connection of a pipe. */
  readonly resubscribesAfterReconnect: boolean;
  /** REP sends each reply to the peer that asked. */
  readonly repliesToAsker: boolean;
  /** XPUB counts each topic's subscribers and passes a cancel up only when the last one goes. */
  readonly countsSubscribers: boolean;
  /** XPUB passes up a cancel for the topics a departed subscriber held alone. */
  readonly cancelsForDeparted: boolean;
}

export const STANDARD_BEHAVIOUR: Behaviour = Object.freeze({
  greetsAtOnce: true,
  encodeReady: (socketType: string, identity: Buffer | undefined) => encodeReady(socketType, identity),
  sendsIdentity: true,
  checksPeerSocketType: true,
  honoursMore: true,
  encodeMessage: undefined,
  disarmsHandshakeDeadline: true,
  unbindClosesAccepted: true,
  keepsQueuedBeforeConnect: true,
  reconnects: true,
  abstractName: (name: string) => name,
  resubscribesAfterReconnect: true,
  repliesToAsker: true,
  countsSubscribers: true,
  cancelsForDeparted: true,
});
