import { ZmqError } from "../errors";
import type { SocketOptions } from "./options";

/** The C type zeromq.js's low-level methods pass to zmq_getsockopt/zmq_setsockopt: getBoolOption, getInt32Option, ... */
export type OptionCType = "Bool" | "Int32" | "Int64" | "Uint64" | "String";

/**
 * The options the reference has, by their number in libzmq's zmq.h, with the C type libzmq
 * stores them as. zeromq.js exposes them as `getInt32Option(19)` and so on; a number the table
 * lacks, or a method of another type, is EINVAL, as libzmq answers an unknown option or a value
 * of the wrong size.
 */
export const NUMBERED_OPTIONS: Readonly<Record<number, { readonly name: keyof SocketOptions; readonly type: OptionCType }>> = {
  4: { name: "affinity", type: "Uint64" }, // ZMQ_AFFINITY
  5: { name: "routingId", type: "String" }, // ZMQ_ROUTING_ID
  9: { name: "recoveryInterval", type: "Int32" }, // ZMQ_RECOVERY_IVL
  17: { name: "linger", type: "Int32" }, // ZMQ_LINGER
  18: { name: "reconnectInterval", type: "Int32" }, // ZMQ_RECONNECT_IVL
  19: { name: "backlog", type: "Int32" }, // ZMQ_BACKLOG
  21: { name: "reconnectMaxInterval", type: "Int32" }, // ZMQ_RECONNECT_IVL_MAX
  22: { name: "maxMessageSize", type: "Int64" }, // ZMQ_MAXMSGSIZE
  23: { name: "sendHighWaterMark", type: "Int32" }, // ZMQ_SNDHWM
  24: { name: "receiveHighWaterMark", type: "Int32" }, // ZMQ_RCVHWM
  27: { name: "receiveTimeout", type: "Int32" }, // ZMQ_RCVTIMEO
  28: { name: "sendTimeout", type: "Int32" }, // ZMQ_SNDTIMEO
  39: { name: "immediate", type: "Bool" }, // ZMQ_IMMEDIATE
  66: { name: "handshakeInterval", type: "Int32" }, // ZMQ_HANDSHAKE_IVL
  75: { name: "heartbeatInterval", type: "Int32" }, // ZMQ_HEARTBEAT_IVL
  76: { name: "heartbeatTimeToLive", type: "Int32" }, // ZMQ_HEARTBEAT_TTL
  77: { name: "heartbeatTimeout", type: "Int32" }, // ZMQ_HEARTBEAT_TIMEOUT
};

/** zeromq.js's words when a uint64 option's value is above Number.MAX_SAFE_INTEGER. */
export const UNSAFE_UINT64_WARNING = "Value is larger than Number.MAX_SAFE_INTEGER and may have been rounded inaccurately.";

function optionNamed(id: unknown, type: OptionCType): keyof SocketOptions {
  if (typeof id !== "number") throw new TypeError("Option identifier must be a number");
  const entry = NUMBERED_OPTIONS[id];
  if (entry === undefined) throw new ZmqError("EINVAL", `option ${id} is not one the reference has`);
  if (entry.type !== type) throw new ZmqError("EINVAL", `option ${id} (${entry.name}) is ${entry.type}, not ${type}`);
  return entry.name;
}

/**
 * Installs zeromq.js's low-level option methods (getBoolOption(id), setBoolOption(id, value), and
 * the same for Int32, Int64, Uint64 and String) on a socket class's prototype. They read and set
 * the named accessors, so a value is checked exactly as `socket.linger = value` checks it.
 */
export function defineNumberedOptionMethods(prototype: object): void {
  for (const type of ["Bool", "Int32", "Int64", "Uint64", "String"] as const) {
    Object.defineProperty(prototype, `get${type}Option`, {
      value(this: Record<string, unknown>, id: unknown) {
        const value = this[optionNamed(id, type)];
        // A uint64 read as a JavaScript number loses precision above 2^53, and zeromq.js says so.
        if (type === "Uint64" && typeof value === "number" && value > Number.MAX_SAFE_INTEGER) process.emitWarning(UNSAFE_UINT64_WARNING);
        return value;
      },
      configurable: false,
    });
    Object.defineProperty(prototype, `set${type}Option`, {
      value(this: Record<string, unknown>, id: unknown, value: unknown) {
        this[optionNamed(id, type)] = value;
      },
      configurable: false,
    });
  }
}
