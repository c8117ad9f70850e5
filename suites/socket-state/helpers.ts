import type { SocketType, TestSocket } from "../../harness/model/implementation";
import { scenario, type Scenario } from "../../harness/model/scenario";
import type { Attempt, ScenarioContext } from "../../harness/model/scenario-context";

/**
 * How long a refusal may take to come. libzmq through zeromq.js answers EFSM only once its wait
 * for the socket to become readable or writable ends (the receive's timeout, the socket's
 * sendTimeout: OUT_OF_TURN_MS), so this is well above that. A call still unanswered then is
 * blocking, which is no refusal.
 */
export const REFUSAL_LIMIT_MS = 1000;

/**
 * The receive timeout, and the sendTimeout of the REQ and REP sockets here: what an out-of-turn
 * call may wait before it answers (zeromq.js polls for readiness before calling libzmq, which then
 * says EFSM). A correct implementation answers at once; a wrong one has nothing to wait for.
 */
export const OUT_OF_TURN_MS = 100;

/** Expects `call` to be refused with `code`; an answer not within the refusal limit is "blocks". */
export async function expectRefusal(ctx: ScenarioContext, what: string, call: () => Promise<unknown>, code: "EFSM" | "ENOTSUP"): Promise<void> {
  const limit = ctx.limit(REFUSAL_LIMIT_MS);
  const attempt = ctx.attempt(call);
  attempt.catch(() => undefined); // a call abandoned as blocking may still fail later: not this check's concern
  let timer: NodeJS.Timeout | undefined;
  const blocked = new Promise<"blocks">((resolve) => {
    timer = setTimeout(() => resolve("blocks"), limit);
  });
  const result: Attempt<unknown> | "blocks" = await Promise.race([attempt, blocked]);
  clearTimeout(timer);
  const observed = result === "blocks" ? `no answer within ${limit} ms (the call blocks)` : result.ok ? "success" : `error ${result.code}`;
  ctx.check(what, observed, `error ${code}`);
}

/** A receive out of turn: bounded, so that an implementation that waits instead of refusing answers EAGAIN. */
export function receiveOutOfTurn(ctx: ScenarioContext, socket: TestSocket): () => Promise<Buffer[]> {
  return () => socket.receive(ctx.limit(OUT_OF_TURN_MS));
}

/** A REP bound in the scenario's directory and `requesters` REQs connected to it, all with a short sendTimeout. */
export async function requestReply(ctx: ScenarioContext, requesters: number): Promise<{ rep: TestSocket; reqs: TestSocket[] }> {
  const endpoint = ctx.endpoint("req-rep.sock");
  const sendTimeout = ctx.limit(OUT_OF_TURN_MS);
  const rep = await ctx.socket(ctx.impl, "REP", { sendTimeout });
  await rep.bind(endpoint);
  const reqs: TestSocket[] = [];
  for (let i = 0; i < requesters; i++) {
    const req = await ctx.socket(ctx.impl, "REQ", { sendTimeout });
    await req.connect(endpoint);
    reqs.push(req);
  }
  return { rep, reqs };
}

/** A socket type and the operation zmq_socket(3) says it does not implement. */
export interface MissingOperation {
  readonly type: Extract<SocketType, "PULL" | "SUB" | "PUSH" | "PUB">;
  readonly op: "send" | "receive";
  /** zmq_socket(3)'s sentence for this type. */
  readonly clause: string;
}

export const MISSING_OPERATIONS: readonly MissingOperation[] = [
  { type: "PULL", op: "send", clause: "api.socket.send-not-implemented" },
  { type: "SUB", op: "send", clause: "api.socket.send-not-implemented" },
  { type: "PUSH", op: "receive", clause: "api.socket.recv-not-implemented" },
  { type: "PUB", op: "receive", clause: "api.socket.pub-recv-not-implemented" },
];

/** zmq_send(3)'s or zmq_recv(3)'s ENOTSUP entry. */
export function enotsupClause(op: MissingOperation["op"]): string {
  return op === "send" ? "api.send.error.enotsup" : "api.recv.error.enotsup";
}

/** Calls the operation the socket's type lacks. */
export function callMissing(ctx: ScenarioContext, socket: TestSocket, op: MissingOperation["op"]): () => Promise<unknown> {
  return op === "send" ? () => socket.send([`${socket.type.toLowerCase()}-sends`]) : receiveOutOfTurn(ctx, socket);
}

/** A socket of the type, never bound nor connected: the operation it lacks is refused with ENOTSUP. */
export function missingOperationScenario(missing: MissingOperation): Scenario {
  const { type, op } = missing;
  return scenario({
    id: `socket-state.${type.toLowerCase()}-${op}-enotsup`,
    clause: missing.clause,
    alsoChecks: [enotsupClause(op)],
    level: "MUST",
    title: `${op === "send" ? "Sending on" : "Receiving on"} a ${type} socket fails with ENOTSUP: the type has no ${op === "send" ? "zmq_send()" : "zmq_recv()"}`,
    ...(type === "SUB" || type === "PUB" ? { requires: ["pubsub"] as const } : {}),
    async run(ctx) {
      const socket = await ctx.socket(ctx.impl, type);
      await expectRefusal(ctx, `${op} on a ${type}`, callMissing(ctx, socket, op), "ENOTSUP");
    },
  });
}
