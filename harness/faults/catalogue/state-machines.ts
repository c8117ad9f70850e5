/**
 * Socket state machines not enforced: for every socket type that has a state machine (REQ, REP:
 * EFSM out of turn) or an operation it lacks (PULL and SUB cannot send, PUSH and PUB cannot
 * receive: ENOTSUP), one fault per refused operation in which the refusal never comes. A send
 * that should be refused is accepted and dropped; a receive that should be refused waits for
 * its timeout and finds nothing (EAGAIN), as one with no state check and nothing queued would.
 * The other way round, for every duplex type without turns (DEALER, ROUTER, PAIR), one fault that
 * imposes REQ's alternation on it. Plus the REQ/REP envelope: a REP that answers the wrong peer.
 */
import { ImplementationError, type SocketType, type TestSocket } from "../../model/implementation";
import type { Fault } from "../faulty-implementation";
import { switchedOn } from "../faulty-implementation";

type Operation = "send" | "receive";

interface Refused {
  readonly type: Extract<SocketType, "REQ" | "REP" | "PULL" | "SUB" | "PUSH" | "PUB">;
  readonly op: Operation;
  /** When the type refuses the call, in words. */
  readonly when: string;
  /** The scenario that checks this one refusal (the family's second witness is shared). */
  readonly witness: string;
  readonly mirrors: string;
}

/** The refusals, by socket type: every out-of-turn call of REQ and REP, every operation a one-way type lacks. */
const REFUSED: readonly Refused[] = [
  {
    type: "REQ",
    op: "send",
    when: "a second request before the reply",
    witness: "socket-state.req-send-twice-efsm",
    mirrors: "a REQ without the lock-step: a second request while the first is unanswered is accepted and silently dropped, where libzmq answers EFSM",
  },
  {
    type: "REQ",
    op: "receive",
    when: "a receive before any request",
    witness: "socket-state.req-receive-before-send-efsm",
    mirrors: "a REQ whose receive before any request waits for a reply that cannot come and times out (EAGAIN), where libzmq answers EFSM at once",
  },
  {
    type: "REP",
    op: "send",
    when: "a reply before any request",
    witness: "socket-state.rep-send-before-receive-efsm",
    mirrors: "a REP that takes a reply nobody asked for and drops it silently, where libzmq answers EFSM",
  },
  {
    type: "REP",
    op: "receive",
    when: "a second receive while a reply is owed",
    witness: "socket-state.rep-receive-twice-efsm",
    mirrors: "a REP whose second receive while a reply is owed waits and times out (EAGAIN), where libzmq answers EFSM",
  },
  {
    type: "PULL",
    op: "send",
    when: "any send",
    witness: "socket-state.pull-send-enotsup",
    mirrors:
      "a PULL whose send() exists and goes nowhere (zeromq.js 6.8.0 leaves the native send() on Pull, where it never answers): here accepted and dropped, where libzmq answers ENOTSUP",
  },
  {
    type: "SUB",
    op: "send",
    when: "any send",
    witness: "socket-state.sub-send-enotsup",
    mirrors:
      "a SUB whose send() exists and goes nowhere (zeromq.js 6.8.0 leaves the native send() on Subscriber): here accepted and dropped, where libzmq answers ENOTSUP",
  },
  {
    type: "PUSH",
    op: "receive",
    when: "any receive",
    witness: "socket-state.push-receive-enotsup",
    mirrors:
      "a PUSH whose receive() exists and waits for nothing (zeromq.js 6.8.0 leaves the native receive() on Push, where it never answers): here EAGAIN at the timeout, where libzmq answers ENOTSUP",
  },
  {
    type: "PUB",
    op: "receive",
    when: "any receive",
    witness: "socket-state.pub-receive-enotsup",
    mirrors:
      "a PUB whose receive() exists and waits for nothing (zeromq.js 6.8.0 leaves the native receive() on Publisher): here EAGAIN at the timeout, where libzmq answers ENOTSUP",
  },
];

const hasStateMachine = (type: SocketType) => type === "REQ" || type === "REP";

/** The errno the type answers with, and the clauses that say so: zmq_socket(3)'s sentence for the type, zmq_send(3)'s or zmq_recv(3)'s entry. */
function refusalOf({ type, op }: Refused): { code: "EFSM" | "ENOTSUP"; clauses: string[] } {
  const errorsEntry = `api.${op === "send" ? "send" : "recv"}.error.${hasStateMachine(type) ? "efsm" : "enotsup"}`;
  if (hasStateMachine(type)) return { code: "EFSM", clauses: [`api.socket.${type.toLowerCase()}-alternating`, errorsEntry] };
  const sentence =
    op === "send" ? "api.socket.send-not-implemented" : type === "PUB" ? "api.socket.pub-recv-not-implemented" : "api.socket.recv-not-implemented";
  return { code: "ENOTSUP", clauses: [sentence, errorsEntry] };
}

/** The scenario that tries every refusal of the family's kind in one go: the second witness of each member. */
function sharedWitness(type: SocketType): string {
  return hasStateMachine(type) ? "socket-state.req-rep-lockstep" : "socket-state.one-way-sockets-refuse-reverse";
}

const isRefusal = (err: unknown, code: string) => err instanceof ImplementationError && err.code === code;

/** The socket with the one refusal taken out: a refused send is dropped, a refused receive finds nothing. */
function unenforced(socket: TestSocket, op: Operation, code: string): TestSocket {
  if (op === "send") {
    return {
      ...socket,
      send: async (frames) => {
        try {
          await socket.send(frames);
        } catch (err) {
          if (!isRefusal(err, code)) throw err;
        }
      },
    };
  }
  return {
    ...socket,
    receive: async (timeoutMs) => {
      try {
        return await socket.receive(timeoutMs);
      } catch (err) {
        if (!isRefusal(err, code)) throw err;
        await new Promise((resolve) => setTimeout(resolve, timeoutMs));
        throw new ImplementationError("EAGAIN", `nothing arrived within ${timeoutMs} ms`);
      }
    },
  };
}

function notEnforced(refused: Refused): Fault {
  const { code, clauses } = refusalOf(refused);
  return {
    id: `state-machine-not-enforced-${refused.type.toLowerCase()}-${refused.op}`,
    mirrors: `${refused.mirrors} (${refused.type}: ${refused.when})`,
    clauses,
    caughtBy: [refused.witness, sharedWitness(refused.type)],
    createSocket: async (healthy, type, options) => {
      const socket = await healthy(type, options);
      return type === refused.type ? unenforced(socket, refused.op, code) : socket;
    },
  };
}

/** One fault per refusal in the table. */
export const stateMachineFaults: readonly Fault[] = REFUSED.map(notEnforced);

interface Unrestricted {
  readonly type: Extract<SocketType, "DEALER" | "ROUTER" | "PAIR">;
  /** The RFC sentence that gives the type independent outgoing and incoming queues. */
  readonly clause: string;
  /** Two scenarios in which the type sends twice in a row. */
  readonly caughtBy: readonly [string, string];
}

/** The duplex types whose send/receive pattern zmq_socket(3) calls "Unrestricted". */
const UNRESTRICTED: readonly Unrestricted[] = [
  { type: "DEALER", clause: "reqrep.double-queue", caughtBy: ["socket-state.dealer-router-unrestricted", "socket-state.dealer-dealer-unrestricted"] },
  { type: "ROUTER", clause: "reqrep.double-queue", caughtBy: ["socket-state.dealer-router-unrestricted", "socket-state.router-serves-two-dealers"] },
  { type: "PAIR", clause: "pair.double-queue", caughtBy: ["socket-state.pair-unrestricted", "socket-state.pair-queues-before-peer"] },
];

/** REQ's rule on a socket that has none: after a send, the next send is EFSM until something is received. */
function lockstep(socket: TestSocket): TestSocket {
  let owesReceive = false;
  return {
    ...socket,
    send: async (frames) => {
      if (owesReceive) throw new ImplementationError("EFSM", `${socket.type} must receive before it sends again`);
      await socket.send(frames);
      owesReceive = true;
    },
    receive: async (timeoutMs) => {
      const frames = await socket.receive(timeoutMs);
      owesReceive = false;
      return frames;
    },
  };
}

function lockstepImposed({ type, clause, caughtBy }: Unrestricted): Fault {
  return {
    id: `lockstep-imposed-${type.toLowerCase()}`,
    mirrors: `a ${type} built on REQ's state machine (one send, then one receive): a second send before a receive fails with EFSM, where its outgoing and incoming queues are independent and libzmq sends`,
    clauses: [clause],
    caughtBy,
    createSocket: async (healthy, socketType, options) => {
      const socket = await healthy(socketType, options);
      return socketType === type ? lockstep(socket) : socket;
    },
  };
}

/** One fault per duplex type without turns. */
export const lockstepFaults: readonly Fault[] = UNRESTRICTED.map(lockstepImposed);

/** The REQ/REP envelope ignored: every reply goes to the REP's first peer. */
export const repRepliesToFirstPeer: Fault = {
  id: "rep-replies-to-first-peer",
  mirrors: "a REP that keeps no envelope and answers its first (or only) peer: right with one client, a reply to the wrong REQ with two",
  clauses: ["api.socket.rep-reply-to-requester"],
  caughtBy: ["socket-state.rep-replies-to-requester", "socket-state.rep-receive-twice-efsm"],
  createSocket: switchedOn("rep-replies-to-first-peer"),
};
