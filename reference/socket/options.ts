import { ZmqError } from "../errors";

/**
 * Socket options, named as zeromq.js v6 names them, with libzmq's defaults. A scenario sets the
 * same option object on the reference and on zeromq.js.
 */
export interface SocketOptions {
  /** ZMQ_ROUTING_ID: sent as the Identity property by REQ, DEALER and ROUTER. */
  routingId: string | null;
  /** ZMQ_LINGER in ms: how long close() keeps trying to deliver pending messages (-1 forever, 0 drop). */
  linger: number;
  /** ZMQ_IMMEDIATE: queue only on completed connections (no pipe before the handshake). */
  immediate: boolean;
  /** ZMQ_RECONNECT_IVL in ms; -1 never reconnects. */
  reconnectInterval: number;
  /** ZMQ_RECONNECT_IVL_MAX in ms; 0 keeps reconnectInterval, else doubles up to this. */
  reconnectMaxInterval: number;
  /** ZMQ_SNDHWM: messages queued per peer before send blocks (or drops, for PUB); 0 = no limit. */
  sendHighWaterMark: number;
  /** ZMQ_RCVHWM: messages queued for receive() before we stop reading from the peers. */
  receiveHighWaterMark: number;
  /** ZMQ_SNDTIMEO in ms: -1 waits forever, 0 fails at once with EAGAIN. */
  sendTimeout: number;
  /** ZMQ_RCVTIMEO in ms: -1 waits forever, 0 fails at once with EAGAIN. */
  receiveTimeout: number;
  /** ZMQ_MAXMSGSIZE: largest inbound frame in bytes; a larger one closes that connection. -1 = no limit. */
  maxMessageSize: number;
  /** ZMQ_HANDSHAKE_IVL in ms: greeting + READY must complete within it; 0 = no limit. */
  handshakeInterval: number;
  /** ZMQ_HEARTBEAT_IVL in ms: PING interval; 0 disables heartbeats. */
  heartbeatInterval: number;
  /** ZMQ_HEARTBEAT_TTL in ms, announced in our PINGs. */
  heartbeatTimeToLive: number;
  /** ZMQ_HEARTBEAT_TIMEOUT in ms; 0 means heartbeatInterval. */
  heartbeatTimeout: number;
  /** ZMQ_BACKLOG: connections the kernel queues on a bound endpoint before they are accepted (listen(2)). */
  backlog: number;
  /** ZMQ_AFFINITY: which of libzmq's I/O threads serve new connections. Kept and read back; the reference has no I/O threads to pin. */
  affinity: number;
  /** ZMQ_RECOVERY_IVL in ms: how far back a multicast (PGM) receiver may recover. Kept and read back, as libzmq keeps it on an ipc socket, where it has no effect. */
  recoveryInterval: number;
}

/**
 * What each option takes: a number (an integer, truncated as zeromq.js does) at least `min`, a
 * boolean, or a routing id (a string or a Buffer of at most 255 bytes, or null). A value of the
 * wrong type is a TypeError with zeromq.js's text; a number out of libzmq's range is EINVAL.
 */
type OptionKind = { readonly type: "number"; readonly min: number } | { readonly type: "boolean" } | { readonly type: "routing-id" };

export const OPTION_KINDS: Readonly<Record<keyof SocketOptions, OptionKind>> = {
  routingId: { type: "routing-id" },
  linger: { type: "number", min: -1 },
  immediate: { type: "boolean" },
  reconnectInterval: { type: "number", min: -1 },
  reconnectMaxInterval: { type: "number", min: 0 },
  sendHighWaterMark: { type: "number", min: 0 },
  receiveHighWaterMark: { type: "number", min: 0 },
  sendTimeout: { type: "number", min: -1 },
  receiveTimeout: { type: "number", min: -1 },
  maxMessageSize: { type: "number", min: -1 },
  handshakeInterval: { type: "number", min: 0 },
  heartbeatInterval: { type: "number", min: 0 },
  heartbeatTimeToLive: { type: "number", min: 0 },
  heartbeatTimeout: { type: "number", min: 0 },
  backlog: { type: "number", min: 0 },
  affinity: { type: "number", min: 0 },
  recoveryInterval: { type: "number", min: 0 },
};

/** The value an option is set to, checked as zeromq.js and libzmq check it. */
export function checkedOption(name: keyof SocketOptions, value: unknown): SocketOptions[keyof SocketOptions] {
  const kind = OPTION_KINDS[name];
  switch (kind.type) {
    case "number": {
      if (typeof value !== "number") throw new TypeError("Option value must be a number");
      const integer = Math.trunc(value);
      if (!(integer >= kind.min)) throw new ZmqError("EINVAL", `${name} must be at least ${kind.min}, not ${value}`);
      return integer;
    }
    case "boolean":
      if (typeof value !== "boolean") throw new TypeError("Option value must be a boolean");
      return value;
    case "routing-id": {
      if (value === null) return null;
      if (typeof value !== "string" && !Buffer.isBuffer(value)) throw new TypeError("Option value must be a string or buffer");
      const text = Buffer.isBuffer(value) ? value.toString("utf8") : value;
      if (Buffer.byteLength(text) > 255) throw new ZmqError("EINVAL", `routingId is ${Buffer.byteLength(text)} bytes; at most 255`);
      return text;
    }
  }
}

export const DEFAULT_OPTIONS: Readonly<SocketOptions> = {
  routingId: null,
  linger: -1,
  immediate: false,
  reconnectInterval: 100,
  reconnectMaxInterval: 0,
  sendHighWaterMark: 1000,
  receiveHighWaterMark: 1000,
  sendTimeout: -1,
  receiveTimeout: -1,
  maxMessageSize: -1,
  handshakeInterval: 30_000,
  heartbeatInterval: 0,
  heartbeatTimeToLive: 0,
  heartbeatTimeout: 0,
  backlog: 100,
  affinity: 0,
  recoveryInterval: 10_000,
};

/**
 * Installs each option as an accessor on a socket class's prototype: reading gives the stored
 * value, setting checks it first (checkedOption). The values live in the instance's `optionValues`.
 */
export function defineOptionAccessors(prototype: object): void {
  for (const name of Object.keys(OPTION_KINDS) as Array<keyof SocketOptions>) {
    Object.defineProperty(prototype, name, {
      get(this: { optionValues: SocketOptions }) {
        return this.optionValues[name];
      },
      set(this: { optionValues: SocketOptions }, value: unknown) {
        (this.optionValues as unknown as Record<string, unknown>)[name] = checkedOption(name, value);
      },
      enumerable: true,
      configurable: false,
    });
  }
}
