import { ImplementationError, type SocketType, type TestSocket } from "./implementation";

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
    send: (frames) => call(() => required(socket.send, "send", type).call(socket, frames)),
    receive: (timeoutMs) =>
      call(() => {
        socket.receiveTimeout = timeoutMs;
        return required(socket.receive, "receive", type).call(socket);
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

/** Runs a call and turns what the implementation threw into an ImplementationError with its errno name. */
async function call<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ImplementationError) throw err;
    const code = (err as { code?: unknown }).code;
    throw new ImplementationError(typeof code === "string" ? code : "UNKNOWN", (err as Error).message ?? String(err));
  }
}
