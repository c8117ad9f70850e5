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
};
