import { ImplementationError, type SocketType, type TestSocket } from "../model/implementation";

/**
 * The subset of the zeromq.js v6 socket API the harness uses. The reference implementation
 * mirrors that API, so one wrapper serves both in-process implementations.
 */
export interface ZeromqLikeSocket {
  bind(endpoint: string): Promise<void>;
  unbind(endpoint: string): Promise<void>;
  connect(endpoint: string): void;
  disconnect(endpoint: string): void;
  send?(message: Array<Buffer | string>): Promise<void>;
  receive?(): Promise<Buffer[]>;
  subscribe?(...topics: Array<Buffer | string>): void;
  unsubscribe?(...topics: Array<Buffer | string>): void;
  receiveTimeout: number;
  readonly lastEndpoint: string | null;
  close(): void;
}

export function wrapZeromqLike(socket: ZeromqLikeSocket, type: SocketType): TestSocket {
  return {
    type,
    bind: (endpoint) => call(() => socket.bind(endpoint)),
    unbind: (endpoint) => call(() => socket.unbind(endpoint)),
    connect: (endpoint) => call(() => socket.connect(endpoint)),
    disconnect: (endpoint) => call(() => socket.disconnect(endpoint)),
    send: (frames) => call(() => offered(socket, "send", type).call(socket, frames)),
    receive: (timeoutMs) =>
      call(() => {
        const receive = offered(socket, "receive", type);
        socket.receiveTimeout = timeoutMs;
        return receive.call(socket);
      }),
    subscribe: (topic) => call(() => required(socket.subscribe, "subscribe", type).call(socket, topic)),
    unsubscribe: (topic) => call(() => required(socket.unsubscribe, "unsubscribe", type).call(socket, topic)),
    lastEndpoint: async () => socket.lastEndpoint ?? null,
    close: async () => socket.close(),
  };
}

function required<F>(method: F | undefined, name: string, type: SocketType): F {
  if (method === undefined) throw new ImplementationError("ENOTSUP", `${type} sockets have no ${name}()`);
  return method;
}

/**
 * send() or receive() as the socket's class offers it, else ENOTSUP (zmq_send(3)/zmq_recv(3): the
 * operation is not supported by this socket type). zeromq.js gives each class only the operations
 * its type allows (a Pull has no send(), a Publisher no receive()), each with its timeout option
 * (sendTimeout, receiveTimeout); the reference leaves the method out. zeromq.js 6.8.0 still lets
 * the native method through on every class (its allowMethods() deletes nothing), and there a call
 * waits for a ZMQ_POLLOUT/ZMQ_POLLIN that the type never signals, for ever, with no timeout option
 * to bound it: what the class declares is what counts. libzmq itself answers ENOTSUP at once.
 */
function offered<K extends "send" | "receive">(socket: ZeromqLikeSocket, name: K, type: SocketType): NonNullable<ZeromqLikeSocket[K]> {
  const method = required(socket[name], name, type);
  const timeout = name === "send" ? "sendTimeout" : "receiveTimeout";
  if (!(timeout in socket)) throw new ImplementationError("ENOTSUP", `${type} sockets have no ${name}() (the class declares no ${timeout})`);
  return method as NonNullable<ZeromqLikeSocket[K]>;
}

/** Runs a call and turns what the implementation threw into an ImplementationError with its errno name. */
async function call<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ImplementationError) throw err;
    const { code, reason, address } = err as { code?: unknown; reason?: unknown; address?: unknown };
    // zeromq.js's message is the errno's text; the reference adds why, and the endpoint, for the report.
    const text = [(err as Error).message ?? String(err), typeof reason === "string" ? reason : undefined, typeof address === "string" ? address : undefined];
    throw new ImplementationError(typeof code === "string" ? code : "UNKNOWN", text.filter((part) => part !== undefined).join(": "));
  }
}
