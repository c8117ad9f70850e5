/**
 * Errors thrown by the reference implementation, shaped like zeromq.js's:
 * an `Error` whose `code` is the errno name ("ENAMETOOLONG", "EADDRINUSE", ...),
 * so a scenario can check `err.code` against either implementation.
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

export class ZmqError extends Error {
  readonly code: ErrnoName;
  /** The endpoint the failing call was given, when there was one. */
  readonly address?: string;

  constructor(code: ErrnoName, message: string, address?: string) {
    super(address === undefined ? message : `${message}: ${address}`);
    this.name = "ZmqError";
    this.code = code;
    this.address = address;
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
