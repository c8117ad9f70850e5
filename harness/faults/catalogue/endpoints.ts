import { ImplementationError, type TestSocket } from "../../model/implementation";
import type { Fault } from "../faulty-implementation";
import { switchedOn, wrapping } from "../faulty-implementation";

/**
 * Unbind semantics and several endpoints per socket: the bookkeeping a socket keeps of what it
 * has bound, gone wrong in the ways real implementations get it wrong. Each wrapper keeps its own
 * list of the endpoints the socket has bound, as bound and as ZMQ_LAST_ENDPOINT named them.
 */

/** Both names of a bind: the endpoint as given and (for ipc://*) the one lastEndpoint reports. */
async function namesOf(socket: TestSocket, endpoint: string): Promise<string[]> {
  const last = await socket.lastEndpoint().catch(() => null);
  return last === null || last === endpoint ? [endpoint] : [endpoint, last];
}

/** unbind reports success and forgets the endpoint, but the listener and what it accepted stay. */
export const unbindKeepsListening: Fault = {
  id: "unbind-keeps-listening",
  mirrors:
    "an unbind that only drops the endpoint from the socket's table and never closes its listening socket, so the path keeps accepting and delivering (the first of issue 18's misses)",
  clauses: ["api.unbind.endpoint", "compat.libzmq.unbind-ends-accepted-connections"],
  caughtBy: [
    "endpoint-lifecycle.unbind-stops-new-connections",
    "endpoint-lifecycle.unbind-one-of-two-keeps-other",
    "endpoint-lifecycle.unbind-middle-of-three",
    "endpoint-lifecycle.same-path-twice-unbind-once",
  ],
  createSocket: wrapping((socket) => {
    const bound = new Set<string>();
    return {
      ...socket,
      bind: async (endpoint) => {
        await socket.bind(endpoint);
        for (const name of await namesOf(socket, endpoint)) bound.add(name);
      },
      unbind: async (endpoint) => {
        if (!bound.delete(endpoint)) return socket.unbind(endpoint); // what it never bound: the real refusal
      },
    };
  }),
};

/** unbind closes the listener only; the connections it accepted keep delivering (a switch: they live inside the socket). */
export const unbindKeepsAcceptedConnections: Fault = {
  id: "unbind-keeps-accepted-connections",
  mirrors:
    "Node's net.Server.close(), which stops accepting but leaves the connections it accepted open, used as the whole of unbind; libzmq's listener takes its sessions with it",
  clauses: ["compat.libzmq.unbind-ends-accepted-connections"],
  caughtBy: ["endpoint-lifecycle.unbind-ends-accepted-connections", "endpoint-lifecycle.unbind-leaves-no-peer-to-send-to"],
  createSocket: switchedOn("unbind-keeps-connections"),
};

/** One listener per socket: a bind first unbinds whatever the socket had bound. */
export const secondBindReplacesFirst: Fault = {
  id: "second-bind-replaces-first",
  mirrors:
    "a socket with a single listener slot (one net.Server per socket, listen() called again): each bind replaces the endpoint bound before instead of adding one",
  clauses: ["api.bind.accepts-connections", "api.unbind.endpoint"],
  caughtBy: ["endpoint-lifecycle.two-binds-both-reachable", "endpoint-lifecycle.unbind-one-of-two-keeps-other", "endpoint-lifecycle.unbind-middle-of-three"],
  createSocket: wrapping((socket) => {
    let current: string | undefined;
    return {
      ...socket,
      bind: async (endpoint) => {
        if (current !== undefined) await socket.unbind(current).catch(() => undefined);
        await socket.bind(endpoint);
        current = (await socket.lastEndpoint().catch(() => null)) ?? endpoint;
      },
    };
  }),
};

/** ZMQ_LAST_ENDPOINT set by the first bind only. */
export const lastEndpointReportsFirstBind: Fault = {
  id: "last-endpoint-reports-first-bind",
  mirrors: "ZMQ_LAST_ENDPOINT filled only while it is empty (an address remembered once, on the first bind), so later binds never update it",
  clauses: ["api.getsockopt.last-endpoint"],
  caughtBy: ["endpoint-lifecycle.last-endpoint-is-latest-bind", "endpoint-lifecycle.last-endpoint-after-wildcard-bind"],
  createSocket: wrapping((socket) => {
    let first: string | null = null;
    return {
      ...socket,
      bind: async (endpoint) => {
        await socket.bind(endpoint);
        if (first === null) first = await socket.lastEndpoint();
      },
      lastEndpoint: async () => first ?? socket.lastEndpoint(),
    };
  }),
};

/** unbind of any endpoint the socket holds removes the one bound last. */
export const unbindRemovesLatestEndpoint: Fault = {
  id: "unbind-removes-latest-endpoint",
  mirrors:
    "listeners kept in a stack and unbind popping the top one whatever endpoint it names (a lookup that returns the last entry, or a list searched from the wrong end)",
  clauses: ["api.unbind.endpoint"],
  caughtBy: ["endpoint-lifecycle.unbind-one-of-two-keeps-other", "endpoint-lifecycle.unbind-middle-of-three"],
  createSocket: wrapping((socket) => {
    const stack: string[][] = [];
    return {
      ...socket,
      bind: async (endpoint) => {
        await socket.bind(endpoint);
        stack.push(await namesOf(socket, endpoint));
      },
      unbind: async (endpoint) => {
        if (!stack.some((names) => names.includes(endpoint))) return socket.unbind(endpoint);
        const top = stack.pop()!;
        return socket.unbind(top[top.length - 1]);
      },
    };
  }),
};

/** A second bind of a path the socket itself holds is refused, as tcp would. */
export const refusesRebindingOwnPath: Fault = {
  id: "refuses-rebinding-own-path",
  mirrors:
    "JeroMQ 0.3.6, whose ipc is a TCP port behind the name: a second bind of the same path by the same socket gets EADDRINUSE (confirmed by hand), as any endpoint table refusing a duplicate key would",
  clauses: ["ipc.bind.override", "api.unbind.endpoint"],
  caughtBy: ["endpoint-lifecycle.same-path-twice-on-one-socket", "endpoint-lifecycle.same-path-twice-unbind-once"],
  createSocket: wrapping((socket) => {
    const bound = new Set<string>();
    return {
      ...socket,
      bind: async (endpoint) => {
        if (bound.has(endpoint)) throw new ImplementationError("EADDRINUSE", "Address already in use (the socket has bound this endpoint already)");
        await socket.bind(endpoint);
        bound.add(endpoint);
      },
      unbind: async (endpoint) => {
        await socket.unbind(endpoint);
        bound.delete(endpoint);
      },
    };
  }),
};

/** unbind of an endpoint the socket once bound and no longer holds succeeds (ENOENT swallowed). */
export const unbindTwiceSucceeds: Fault = {
  id: "unbind-twice-succeeds",
  mirrors:
    "an idempotent unbind that reports success for an endpoint it no longer holds (a set's delete() whose result is ignored), hiding the double unbind libzmq reports as ENOENT",
  clauses: ["api.unbind.error.enoent", "ipc.unbind.wildcard"],
  caughtBy: ["endpoint-lifecycle.same-path-twice-unbind-once", "wildcard.unbind-via-last-endpoint"],
  createSocket: wrapping((socket) => {
    const everBound = new Set<string>();
    return {
      ...socket,
      bind: async (endpoint) => {
        await socket.bind(endpoint);
        for (const name of await namesOf(socket, endpoint)) everBound.add(name);
      },
      unbind: (endpoint) =>
        socket.unbind(endpoint).catch((err: unknown) => {
          if (err instanceof ImplementationError && err.code === "ENOENT" && everBound.has(endpoint)) return;
          throw err;
        }),
    };
  }),
};

export const ENDPOINT_FAULTS: readonly Fault[] = [
  unbindKeepsListening,
  unbindKeepsAcceptedConnections,
  secondBindReplacesFirst,
  lastEndpointReportsFirstBind,
  unbindRemovesLatestEndpoint,
  refusesRebindingOwnPath,
  unbindTwiceSucceeds,
];
