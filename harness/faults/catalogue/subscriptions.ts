/**
 * Subscription bookkeeping broken between the sockets: what an XPUB passes up to its application
 * (duplicates, ZMQ_XPUB_VERBOSE, cancels), what a SUB or XSUB resends after a reconnect, and how
 * many instances of a filter one unsubscribe removes.
 */
import type { TestSocket } from "../../model/implementation";
import type { Fault } from "../faulty-implementation";
import { switchedOn, wrapping } from "../faulty-implementation";

/** ZMQ_XPUB_VERBOSE on by default: every peer's subscription to a topic is passed up, not only the first. */
export const xpubPassesDuplicatesByDefault: Fault = {
  id: "xpub-passes-duplicates-by-default",
  mirrors:
    "an XPUB that passes every subscription up unless told otherwise (verbose as the default), where libzmq's ZMQ_XPUB_VERBOSE defaults to 0: a proxy forwards duplicate subscriptions upstream",
  clauses: ["api.setsockopt.xpub-verbose-disabled"],
  caughtBy: [
    "subscriptions.xpub-passes-first-subscription-only",
    "subscriptions.xpub-cancel-when-last-unsubscribes",
    "subscriptions.xpub-cancel-when-last-disconnects",
  ],
  createSocket: (healthy, type, options) =>
    healthy(type, type === "XPUB" && (options?.verbosity ?? null) === null ? { ...options, verbosity: "allSubs" } : options),
};

/** The verbosity option accepted and ignored. */
export const xpubVerboseIgnored: Fault = {
  id: "xpub-verbose-ignored",
  mirrors: "ZMQ_XPUB_VERBOSE accepted by setsockopt and never consulted: duplicate subscriptions are still suppressed (an option accepted and then ignored)",
  clauses: ["api.setsockopt.xpub-verbose-enabled"],
  caughtBy: ["subscriptions.xpub-verbose-passes-every-subscription", "subscriptions.xpub-verbose-xsubs-cancel-from-last"],
  createSocket: (healthy, type, options) => {
    if (type !== "XPUB" || options === undefined) return healthy(type, options);
    const { verbosity: _ignored, ...rest } = options;
    return healthy(type, rest);
  },
};

/** Topics as a plain set: the first subscriber to cancel (or leave) takes the topic with it. */
export const xpubCancelsAtFirstUnsubscribe: Fault = {
  id: "xpub-cancels-at-first-unsubscribe",
  mirrors:
    "an XPUB that keeps its topics in a set rather than counting subscribers: when one of two subscribers cancels or leaves, the topic's cancel goes upstream while the other still wants it",
  clauses: ["api.setsockopt.xpub-verboser-disabled", "pubsub.xpub.disconnect-unsubscribe"],
  caughtBy: [
    "subscriptions.xpub-cancel-when-last-unsubscribes",
    "subscriptions.xpub-cancel-when-last-disconnects",
    "subscriptions.xpub-verbose-xsubs-cancel-from-last",
  ],
  createSocket: switchedOn("xpub-cancels-at-first-unsubscribe"),
};

/** A departed subscriber's topics forgotten without a word. */
export const xpubNoCancelOnDisconnect: Fault = {
  id: "xpub-no-cancel-on-disconnect",
  mirrors:
    "an XPUB that drops a disconnected subscriber's subscriptions without generating the unsubscribe RFC 29 asks for: a proxy keeps pulling a topic upstream that nobody downstream wants",
  clauses: ["pubsub.xpub.disconnect-unsubscribe"],
  caughtBy: ["subscriptions.xpub-cancel-when-last-disconnects", "subscriptions.xpub-verbose-xsubs-cancel-from-last"],
  createSocket: switchedOn("xpub-no-cancel-on-disconnect"),
};

/** Subscriptions sent at subscribe() time and on the first connection only. */
export const noResubscribeAfterReconnect: Fault = {
  id: "no-resubscribe-after-reconnect",
  mirrors:
    "a subscriber that sends SUBSCRIBE when the application subscribes and when its connection first comes up, never after a reconnect, so it hears nothing once the publisher restarts: libzmq's DISH until zeromq/libzmq#2593 (2017; issue #2592: session_base_t::reconnect did not hiccup DISH pipes), zmq.rs's SUB (zeromq/zmq.rs#143, #162)",
  clauses: ["compat.libzmq.resubscribe-on-reconnect"],
  caughtBy: ["subscriptions.sub-resubscribes-after-pub-restarts", "subscriptions.xsub-resubscribes-to-restarted-xpub"],
  createSocket: switchedOn("no-resubscribe-after-reconnect"),
};

const key = (topic: Buffer | string) => Buffer.from(topic).toString("latin1");

/** One unsubscribe undoes every subscribe to the topic: the counts are the wrapper's own, the healthy socket is told as many times. */
function removingEveryInstance(socket: TestSocket): TestSocket {
  const counts = new Map<string, number>();
  const subscribed = (topic: string) => counts.set(topic, (counts.get(topic) ?? 0) + 1);
  const instances = (topic: string) => {
    const n = counts.get(topic) ?? 1;
    counts.delete(topic);
    return n;
  };
  if (socket.type === "SUB") {
    return {
      ...socket,
      subscribe: async (topic) => {
        await socket.subscribe(topic);
        subscribed(key(topic));
      },
      unsubscribe: async (topic) => {
        for (let n = instances(key(topic)); n > 0; n--) await socket.unsubscribe(topic);
      },
    };
  }
  if (socket.type === "XSUB") {
    return {
      ...socket,
      send: async (frames) => {
        const frame = frames.length === 1 ? Buffer.from(frames[0]) : undefined;
        if (frame === undefined || frame.length === 0 || frame[0] > 1) return socket.send(frames);
        const topic = key(frame.subarray(1));
        if (frame[0] === 1) {
          await socket.send(frames);
          subscribed(topic);
          return;
        }
        for (let n = instances(topic); n > 0; n--) await socket.send(frames);
      },
    };
  }
  return socket;
}

export const unsubscribeRemovesEveryInstance: Fault = {
  id: "unsubscribe-removes-every-instance",
  mirrors:
    "subscriptions kept as a set on the subscriber's side: the topic subscribed twice is gone after one ZMQ_UNSUBSCRIBE (or one 0x00 message on an XSUB), and its CANCEL goes out at once",
  clauses: ["api.setsockopt.unsubscribe-one-instance", "zmtp.pubsub.additive"],
  caughtBy: ["subscriptions.sub-unsubscribe-removes-one-instance", "subscriptions.xsub-cancel-removes-one-instance"],
  createSocket: wrapping(removingEveryInstance),
};

export const subscriptionFaults: readonly Fault[] = [
  xpubPassesDuplicatesByDefault,
  xpubVerboseIgnored,
  xpubCancelsAtFirstUnsubscribe,
  xpubNoCancelOnDisconnect,
  noResubscribeAfterReconnect,
  unsubscribeRemovesEveryInstance,
];
