import type { Fault } from "../faulty-implementation";
import { switchedOn, wrapping } from "../faulty-implementation";
import type { TestSocket } from "../../model/implementation";

type Frames = Parameters<TestSocket["send"]>[0];

type DecideSend = (frames: Frames, n: number, send: TestSocket["send"]) => Promise<void>;

/**
 * A socket whose sends are numbered (1, 2, ...): `perSocket()` makes, for each socket, the
 * function that gets each send's frames, its number and the healthy send, and does what the
 * fault does with it (state it keeps is that socket's own).
 */
function countingSends(perSocket: () => DecideSend): Fault["createSocket"] {
  return wrapping((socket) => {
    const decide = perSocket();
    let sends = 0;
    return { ...socket, send: (frames) => decide(frames, ++sends, (f) => socket.send(f)) };
  });
}

/** A queue that now and then loses a message it accepted: every 100th send is reported sent and never queued. */
export const losesAcceptedMessages: Fault = {
  id: "loses-accepted-messages",
  mirrors:
    "a pipe that drops a message it had accepted (JeroMQ 0.3.6 losing the last message after a disconnect, endpoint-lifecycle.disconnect-stops-delivery)",
  clauses: ["compat.libzmq.connect-before-bind-queues", "pipeline.push.queue-whether-connected"],
  caughtBy: ["delivery.before-bind-exactly-once-in-order", "delivery.during-reconnect-exactly-once-in-order"],
  createSocket: countingSends(() => async (frames, n, send) => {
    if (n % 100 !== 0) await send(frames);
  }),
};

/** At-least-once instead of exactly-once: the 150th send goes out twice, as a resend after a reconnect would. */
export const duplicatesAMessage: Fault = {
  id: "duplicates-a-message",
  mirrors: "an implementation that resends what it had already written when a connection is remade",
  clauses: ["compat.libzmq.connect-before-bind-queues", "pipeline.push.queue-whether-connected"],
  caughtBy: ["delivery.before-bind-exactly-once-in-order", "delivery.during-reconnect-exactly-once-in-order"],
  createSocket: countingSends(() => async (frames, n, send) => {
    await send(frames);
    if (n === 150) await send(frames);
  }),
};

/** No queue before the connection: what was sent while nothing listened is gone once it connects. */
export const dropsQueuedBeforeBind: Fault = {
  id: "drops-queued-before-bind",
  mirrors: "a pipe made only when the connection is (PUB-like): messages sent before the binder exists are dropped, where libzmq queues them up to SNDHWM",
  clauses: ["compat.libzmq.connect-before-bind-queues", "pipeline.push.queue-whether-connected"],
  caughtBy: ["connect-before-bind.queued-messages-delivered-in-order"],
  createSocket: switchedOn("drops-queued-before-connect"),
};

/**
 * Two messages change places: the 2nd send is held back and goes out after the 3rd, as a backlog
 * flushed after newer messages written straight to the connection would (with no 3rd send, the
 * 2nd never goes out: the scenarios that catch this send more).
 */
export const reordersMessages: Fault = {
  id: "reorders-messages",
  mirrors: "a backlog written after newer messages (the send path writing directly once connected while the queue is still being flushed)",
  clauses: ["zmtp.socket.in-order"],
  caughtBy: ["connect-before-bind.queued-messages-delivered-in-order", "delivery.before-bind-exactly-once-in-order"],
  createSocket: countingSends(() => {
    let held: Frames | undefined;
    return async (frames, n, send) => {
      if (n === 2) {
        held = frames;
        return;
      }
      await send(frames);
      if (held !== undefined) {
        const late = held;
        held = undefined;
        await send(late);
      }
    };
  }),
};

/** The connection is made once (retrying until then) and never again after a loss. */
export const noReconnectAfterBinderRestarts: Fault = {
  id: "no-reconnect-after-binder-restarts",
  mirrors:
    "connect-once semantics (as ZMQ_PAIR's documented exception, or ZMQ_RECONNECT_STOP_CONN_REFUSED) applied to every socket: peers are lost when the binder restarts",
  clauses: ["compat.libzmq.rebind-followers", "zmtp.error.close-is-temporary"],
  caughtBy: ["connect-before-bind.binder-comes-and-goes"],
  createSocket: switchedOn("no-reconnect"),
};
