/**
 * What an implementation declares it supports. A scenario that needs a capability the
 * implementation does not declare is reported `unsupported`: declared, never guessed.
 */
export const CAPABILITIES = [
  /** Linux abstract namespace: ipc://@name. */
  "abstract-namespace",
  /** ipc://* binds a generated path. */
  "wildcard",
  /** A real UNIX domain socket file at the bound path (JeroMQ fakes ipc over TCP). */
  "socket-file",
  /** ZMQ_IMMEDIATE. */
  "immediate",
  /** ZMQ_RECONNECT_IVL (and -1 to disable). */
  "reconnect-interval",
  /** ZMQ_LAST_ENDPOINT. */
  "last-endpoint",
  /** zmq_unbind / zmq_disconnect. */
  "unbind",
  /** Can run in a second process (cross-process scenarios). */
  "child-process",
  /** PUB, SUB, XPUB, XSUB. */
  "pubsub",
  /** REQ, REP, DEALER, ROUTER. */
  "reqrep",
] as const;
export type Capability = (typeof CAPABILITIES)[number];
