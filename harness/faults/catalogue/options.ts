/**
 * Socket option faults, as a generated family: for every option of the driver protocol's table
 * (harness/model/implementation.ts, TestSocketOptions), a socket that accepts the option and
 * ignores it, behaving as if it had never been set (the reference's default, libzmq's); then
 * option bugs of other kinds, each a plausible slip in a binding or an implementation.
 */
import type { TestSocketOptions } from "../../model/implementation";
import type { Fault } from "../faulty-implementation";
import { switchedOn } from "../faulty-implementation";

type OptionName = keyof Required<TestSocketOptions>;

interface IgnoredOption {
  readonly option: OptionName;
  /** libzmq's name for it, and what the socket does instead when it is ignored. */
  readonly libzmq: string;
  readonly meanwhile: string;
  readonly clauses: readonly string[];
  readonly caughtBy: readonly string[];
}

/** One row per option of the driver protocol's table: what ignoring it breaks, and who sees it. */
const IGNORED_OPTIONS: readonly IgnoredOption[] = [
  {
    option: "routingId",
    libzmq: "ZMQ_ROUTING_ID",
    meanwhile: "an empty Identity in READY, so a ROUTER knows the peer by a generated id",
    clauses: ["api.setsockopt.routing-id", "compat.libzmq.ready-properties"],
    caughtBy: [
      "options.routing-id-router-sees-req-and-dealer",
      "options.routing-id-router-addresses-peer-first",
      "interop.router-sees-dealer-routing-id",
      "zmtp-wire.ready-identity",
    ],
  },
  {
    option: "immediate",
    libzmq: "ZMQ_IMMEDIATE",
    meanwhile: "a queue per endpoint from connect() on, filling whether or not its connection ever completes",
    clauses: ["api.setsockopt.immediate"],
    caughtBy: [
      "options.immediate-queues-only-on-completed-connections",
      "options.immediate-round-robin-skips-unconnected",
      "connect-before-bind.immediate-queues-nothing",
    ],
  },
  {
    option: "reconnectInterval",
    libzmq: "ZMQ_RECONNECT_IVL",
    meanwhile: "a reconnect every 100 ms, -1 (never reconnect) included",
    clauses: ["api.setsockopt.reconnect-ivl", "api.setsockopt.reconnect-ivl.disabled"],
    caughtBy: [
      "options.reconnect-interval-waits-before-retry",
      "options.reconnect-disabled-after-loss",
      "connect-before-bind.reconnect-disabled-never-connects",
    ],
  },
  {
    option: "reconnectMaxInterval",
    libzmq: "ZMQ_RECONNECT_IVL_MAX",
    meanwhile: "no backoff: every attempt after the reconnect interval, however many failed",
    clauses: ["api.setsockopt.reconnect-ivl-max", "api.setsockopt.reconnect-ivl-max.doubling"],
    caughtBy: ["options.reconnect-backoff-grows", "options.reconnect-backoff-grows-after-loss"],
  },
  {
    option: "sendHighWaterMark",
    libzmq: "ZMQ_SNDHWM",
    meanwhile: "1000 messages queued per peer",
    clauses: ["api.setsockopt.sndhwm"],
    caughtBy: ["options.send-hwm-bounds-unconnected-queue", "options.send-hwm-bounds-stalled-peer", "options.receive-hwm-bounds-unread-pull"],
  },
  {
    option: "receiveHighWaterMark",
    libzmq: "ZMQ_RCVHWM",
    meanwhile: "1000 messages read ahead from each peer",
    clauses: ["api.setsockopt.rcvhwm"],
    caughtBy: ["options.receive-hwm-bounds-unread-pull", "options.receive-hwm-stalls-raw-pusher"],
  },
  {
    option: "sendTimeout",
    libzmq: "ZMQ_SNDTIMEO",
    meanwhile: "a send that blocks until it can queue the message, for ever",
    clauses: ["api.setsockopt.sndtimeo.zero", "api.setsockopt.sndtimeo.positive"],
    caughtBy: ["options.send-timeout-zero-returns-at-once", "options.send-timeout-expires-on-full-queue", "options.send-timeout-expires-without-peer"],
  },
  {
    option: "linger",
    libzmq: "ZMQ_LINGER",
    meanwhile: "linger -1: close() and disconnect() never discard what is pending",
    clauses: ["api.setsockopt.linger.zero", "api.setsockopt.linger.positive", "api.setsockopt.linger.infinite"],
    caughtBy: ["options.linger-zero-discards-at-close", "options.linger-zero-discards-at-disconnect", "options.linger-positive-expires-at-close"],
  },
  {
    option: "maxMessageSize",
    libzmq: "ZMQ_MAXMSGSIZE",
    meanwhile: "no limit on what a peer may send",
    clauses: ["api.setsockopt.maxmsgsize"],
    caughtBy: [
      "options.max-message-size-binder-drops-oversized",
      "options.max-message-size-connecter-drops-oversized",
      "zmtp-wire.frame-over-max-message-size-closed",
    ],
  },
  {
    option: "handshakeInterval",
    libzmq: "ZMQ_HANDSHAKE_IVL",
    meanwhile: "30 s for a handshake, so a silent peer holds its connection that long",
    clauses: ["api.setsockopt.handshake-ivl"],
    caughtBy: [
      "options.handshake-interval-closes-silent-peer",
      "options.handshake-interval-closes-stalled-handshake",
      "options.handshake-interval-connecter-gives-up",
    ],
  },
];

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The options with `change` applied to them: every socket of the faulty implementation is made so. */
function adjusting(change: (options: TestSocketOptions) => TestSocketOptions): Fault["createSocket"] {
  return (healthy, type, options = {}) => healthy(type, change({ ...options }));
}

/** "accepts the option and ignores it": one fault per option of the table. */
export const ignoredOptionFaults: readonly Fault[] = IGNORED_OPTIONS.map((row): Fault => ({
  id: `ignores-${kebab(row.option)}`,
  mirrors: `a binding or implementation that accepts ${row.libzmq} (${row.option}) without error and never applies it: ${row.meanwhile}`,
  clauses: row.clauses,
  caughtBy: row.caughtBy,
  createSocket: adjusting(({ [row.option]: _ignored, ...rest }) => rest),
}));

/** Linger -1 ("for ever") read as 0: pending messages dropped at close and disconnect. */
export const lingerInfiniteAsZero: Fault = {
  id: "linger-infinite-as-zero",
  mirrors: "a linger period taken as unsigned or clamped at 0 (Math.max(0, linger)): -1, wait for ever, becomes 0, drop everything at close",
  clauses: ["api.setsockopt.linger.infinite"],
  caughtBy: ["options.linger-infinite-delivers-at-close", "options.linger-infinite-delivers-at-disconnect"],
  createSocket: adjusting((options) => (options.linger === -1 ? { ...options, linger: 0 } : options)),
};

/** A positive send timeout in seconds: 300 ms becomes 300 s. */
export const sendTimeoutInSeconds: Fault = {
  id: "send-timeout-in-seconds",
  mirrors:
    "a binding that passes ZMQ_SNDTIMEO to an API taking seconds (or multiplies by 1000 twice): a send that should give up after 300 ms blocks for 300 s",
  clauses: ["api.setsockopt.sndtimeo.positive"],
  caughtBy: ["options.send-timeout-expires-on-full-queue", "options.send-timeout-expires-without-peer"],
  createSocket: adjusting((options) =>
    options.sendTimeout !== undefined && options.sendTimeout > 0 ? { ...options, sendTimeout: options.sendTimeout * 1000 } : options,
  ),
};

/** The inbound size limit compared with >= instead of >: a message exactly at the limit is refused. */
export const maxMessageSizeOffByOne: Fault = {
  id: "max-message-size-off-by-one",
  mirrors: "the ZMQ_MAXMSGSIZE check written size >= max instead of size > max: a peer sending a message exactly at the limit is disconnected",
  clauses: ["api.setsockopt.maxmsgsize"],
  caughtBy: [
    "options.max-message-size-binder-drops-oversized",
    "options.max-message-size-connecter-drops-oversized",
    "zmtp-wire.frame-over-max-message-size-closed",
  ],
  createSocket: adjusting((options) =>
    options.maxMessageSize !== undefined && options.maxMessageSize > 0 ? { ...options, maxMessageSize: options.maxMessageSize - 1 } : options,
  ),
};

/** Uncapped backoff: the interval doubles past ZMQ_RECONNECT_IVL_MAX. */
export const reconnectBackoffUncapped: Fault = {
  id: "reconnect-backoff-uncapped",
  mirrors:
    "a backoff that doubles the reconnect interval but never applies its ceiling (Math.max where Math.min was meant): after a long outage a peer that comes back waits minutes",
  clauses: ["api.setsockopt.reconnect-ivl-max", "api.setsockopt.reconnect-ivl-max.doubling"],
  caughtBy: ["options.reconnect-backoff-capped", "options.reconnect-backoff-capped-after-loss"],
  createSocket: adjusting((options) =>
    options.reconnectMaxInterval !== undefined && options.reconnectMaxInterval > 0 ? { ...options, reconnectMaxInterval: 2 ** 31 - 1 } : options,
  ),
};

/** ZMQ_SNDHWM and ZMQ_RCVHWM swapped in a binding's option table. */
export const highWaterMarksSwapped: Fault = {
  id: "high-water-marks-swapped",
  mirrors:
    "a binding whose option table maps sendHighWaterMark to ZMQ_RCVHWM and receiveHighWaterMark to ZMQ_SNDHWM: each mark set is applied to the other direction, and the one meant is left at 1000",
  clauses: ["api.setsockopt.sndhwm", "api.setsockopt.rcvhwm"],
  caughtBy: [
    "options.send-hwm-bounds-unconnected-queue",
    "options.send-hwm-bounds-stalled-peer",
    "options.receive-hwm-bounds-unread-pull",
    "options.receive-hwm-stalls-raw-pusher",
  ],
  createSocket: adjusting(({ sendHighWaterMark, receiveHighWaterMark, ...rest }) => ({
    ...rest,
    ...(receiveHighWaterMark === undefined ? {} : { sendHighWaterMark: receiveHighWaterMark }),
    ...(sendHighWaterMark === undefined ? {} : { receiveHighWaterMark: sendHighWaterMark }),
  })),
};

/** The handshake deadline left armed after the handshake: established connections die when it runs out. */
export const handshakeTimerNeverCleared: Fault = {
  id: "handshake-timer-never-cleared",
  mirrors:
    "a handshake timer that is started with the connection and never cancelled when READY arrives, so ZMQ_HANDSHAKE_IVL ends connections that are working",
  clauses: ["api.setsockopt.handshake-ivl"],
  caughtBy: ["options.handshake-interval-spares-completed-bound", "options.handshake-interval-spares-completed-connecter"],
  createSocket: switchedOn("handshake-timer-never-cleared"),
};

export const optionFaults: readonly Fault[] = [
  ...ignoredOptionFaults,
  lingerInfiniteAsZero,
  sendTimeoutInSeconds,
  maxMessageSizeOffByOne,
  reconnectBackoffUncapped,
  highWaterMarksSwapped,
  handshakeTimerNeverCleared,
];
