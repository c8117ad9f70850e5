import { ZmqError } from "../errors";
import type { SocketTypeName } from "../zmtp";

/**
 * libzmq's socket type numbers (zmq.h), which zeromq.js's generic constructor takes:
 * `new Socket(5)` is a DEALER. 11 (STREAM) and the draft types (12 and up) are not ones the
 * reference has, so they are EINVAL, as libzmq built without draft sockets answers them.
 */
export const SOCKET_TYPE_NUMBERS: Readonly<Record<number, SocketTypeName>> = {
  0: "PAIR",
  1: "PUB",
  2: "SUB",
  3: "REQ",
  4: "REP",
  5: "DEALER",
  6: "ROUTER",
  7: "PULL",
  8: "PUSH",
  9: "XPUB",
  10: "XSUB",
};

/**
 * The socket type a generic `new Socket(type, options)` call names, checked in zeromq.js's order
 * and with its errors: a wrong argument is a TypeError, a number libzmq has no socket for is EINVAL.
 */
export function socketTypeNumbered(argumentCount: number, type: unknown, options: unknown): SocketTypeName {
  if (argumentCount > 2) throw new TypeError("Expected 2 arguments");
  if (typeof type !== "number") throw new TypeError("Socket type must be a number");
  if (options !== undefined && (typeof options !== "object" || options === null)) throw new TypeError("Options must be an object");
  const name = SOCKET_TYPE_NUMBERS[type];
  if (name === undefined) throw new ZmqError("EINVAL", `socket type ${type} is not one the reference has (0-10: PAIR to XSUB)`);
  return name;
}
