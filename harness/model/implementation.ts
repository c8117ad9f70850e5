import type { Capability } from "./capability";

export type SocketType = "PAIR" | "PUB" | "SUB" | "REQ" | "REP" | "DEALER" | "ROUTER" | "PULL" | "PUSH" | "XPUB" | "XSUB";

/** The options scenarios set, with zeromq.js's names; every adapter maps them to its own. */
export interface TestSocketOptions {
  routingId?: string;
  immediate?: boolean;
  reconnectInterval?: number;
  reconnectMaxInterval?: number;
  sendHighWaterMark?: number;
  receiveHighWaterMark?: number;
  sendTimeout?: number;
  linger?: number;
  maxMessageSize?: number;
  handshakeInterval?: number;
  /**
   * XPUB only: which (un)subscriptions receive() passes up. null (the default) the first
   * subscription to a topic and its last cancel; "allSubs" (ZMQ_XPUB_VERBOSE) every subscription;
   * "allSubsUnsubs" (ZMQ_XPUB_VERBOSER) every subscription and every cancel.
   */
  verbosity?: null | "allSubs" | "allSubsUnsubs";
}

/**
 * A socket as the harness drives it. Every call is async, so an implementation in another
 * process (a driver) fits the same interface as one in this process. A failing call rejects with
 * an ImplementationError carrying the errno name the implementation reported.
 */
export interface TestSocket {
  readonly type: SocketType;
  bind(endpoint: string): Promise<void>;
  unbind(endpoint: string): Promise<void>;
  connect(endpoint: string): Promise<void>;
  disconnect(endpoint: string): Promise<void>;
  send(frames: Array<Buffer | string>): Promise<void>;
  /** Rejects with code EAGAIN when nothing arrives within timeoutMs. */
  receive(timeoutMs: number): Promise<Buffer[]>;
  subscribe(topic: Buffer | string): Promise<void>;
  unsubscribe(topic: Buffer | string): Promise<void>;
  lastEndpoint(): Promise<string | null>;
  close(): Promise<void>;
}

/** What a report says about an implementation. */
export interface ImplementationInfo {
  /** Short stable id used on the command line and in expectation files: "reference", "libzmq". */
  readonly id: string;
  readonly name: string;
  /** The real version: for libzmq bindings the libzmq version string. */
  readonly version: string;
  readonly capabilities: readonly Capability[];
}

export interface Implementation extends ImplementationInfo {
  createSocket(type: SocketType, options?: TestSocketOptions): Promise<TestSocket>;
  /**
   * The same implementation in a process of its own, for scenarios about two processes sharing
   * a path. Absent when the implementation cannot run that way.
   */
  spawnProcess?(options?: SpawnOptions): Promise<ProcessImplementation>;
  /**
   * Present when the implementation runs in a process of its own (a driver): its environment and
   * working directory are its own, so scenarios that change this process's (ctx.setEnv,
   * ctx.chdir) change its too.
   */
  setEnv?(vars: Record<string, string | null>): Promise<void>;
  chdir?(dir: string): Promise<void>;
}

export interface SpawnOptions {
  /** Run the process as this user and group (needs root): permission scenarios as a non-root user. */
  readonly uid?: number;
  readonly gid?: number;
}

export interface ProcessImplementation extends Implementation {
  readonly pid: number;
  /** Ends the process (and with it its sockets and the connections they had). */
  kill(): Promise<void>;
}

/**
 * The way an implementation is reached broke, not the implementation's answer: a driver that
 * broke its protocol, say. A scenario that meets one ends in `error`, never in a verdict on the
 * implementation.
 */
export class ImplementationFault extends Error {}

/** A call the implementation refused, with the errno name it gave (ENAMETOOLONG, EADDRINUSE, ...). */
export class ImplementationError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "ImplementationError";
  }
}
