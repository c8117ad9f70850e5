import { constants } from "node:os";

/**
 * Errors thrown by the reference implementation, shaped like zeromq.js's: an `Error` whose `code`
 * is the errno name ("ENAMETOOLONG", "EADDRINUSE", ...), `errno` its number on this platform,
 * `message` the text zeromq.js gives for it ("No such endpoint", "Invalid argument", ...) and
 * `address` the endpoint the failing call was given. So code written against zeromq.js, and a
 * scenario checking `err.code`, sees the same thing from either. What the reference knows beyond
 * the errno (why the call was refused) is in `reason`.
 */
export type ErrnoName =
  | "EINVAL"
  | "ENAMETOOLONG"
  | "ENOENT"
  | "EADDRINUSE"
  | "EACCES"
  | "EAGAIN"
  | "EBUSY"
  | "EFSM"
  | "ENOTSUP"
  | "EPROTONOSUPPORT"
  | "EHOSTUNREACH"
  | "EBADF"
  | "ENOTDIR"
  | "ENOTSOCK"
  | "EPERM";

/** zeromq.js's message for each errno: libzmq's zmq_strerror(), except where zeromq.js words its own. */
const MESSAGES: Readonly<Record<ErrnoName, string>> = {
  EINVAL: "Invalid argument",
  ENAMETOOLONG: "File name too long",
  // zeromq.js says this for every ENOENT of bind, unbind, connect and disconnect.
  ENOENT: "No such endpoint",
  EADDRINUSE: "Address already in use",
  EACCES: "Permission denied",
  EAGAIN: "Operation was not possible or timed out",
  EBUSY: "Socket is busy",
  EFSM: "Operation cannot be accomplished in current state",
  ENOTSUP: "Operation not supported",
  EPROTONOSUPPORT: "Protocol not supported",
  EHOSTUNREACH: "Host unreachable",
  EBADF: "Socket is closed",
  ENOTDIR: "Not a directory",
  ENOTSOCK: "Socket operation on non-socket",
  EPERM: "Operation not permitted",
};

/** libzmq's own errno for EFSM (ZMQ_HAUSNUMERO + 51): no operating system has it. */
const EFSM_ERRNO = 156384763;

export class ZmqError extends Error {
  readonly code: ErrnoName;
  /** The errno number on this platform, as zeromq.js reports it. */
  readonly errno: number;
  /** The endpoint the failing call was given, when there was one. */
  declare readonly address?: string;
  /** Why the reference refused, beyond the errno ("endpoint is not bound by this socket"). */
  readonly reason: string;

  /** `message` overrides zeromq.js's text where it words one of its own (EBUSY says what is busy). */
  constructor(code: ErrnoName, reason: string, address?: string, message: string = MESSAGES[code]) {
    super(message);
    this.name = "ZmqError";
    this.code = code;
    this.errno = code === "EFSM" ? EFSM_ERRNO : ((constants.errno as Record<string, number>)[code] ?? 0);
    this.reason = reason;
    if (address !== undefined) this.address = address;
  }
}

/** Maps a Node system error (err.code) to the errno name libzmq would report for the same call. */
export function fromSystemError(err: unknown, address?: string): ZmqError {
  const code = (err as NodeJS.ErrnoException)?.code ?? "EINVAL";
  const known: ErrnoName[] = ["ENAMETOOLONG", "ENOENT", "EADDRINUSE", "EACCES", "EPERM", "ENOTDIR", "EINVAL"];
  const mapped: ErrnoName = (known as string[]).includes(code) ? (code as ErrnoName) : "EINVAL";
  const text = (err as Error)?.message ?? String(err);
  return new ZmqError(mapped === "EPERM" ? "EACCES" : mapped, text, address);
}
