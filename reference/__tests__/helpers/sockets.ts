import * as zmq from "zeromq";
import * as ref from "../..";
import type { SocketTypeName } from "../../zmtp";

/** Which implementation a socket of a test comes from. */
export type Impl = "ref" | "zmq";

export type Frame = Buffer | string;

/**
 * What the tests use of a socket, common to the reference and zeromq.js. Methods a type lacks
 * (send on a Pull, subscribe on a Dealer) are simply absent at run time: the tables only call
 * what the socket type has.
 */
export interface TestSocket {
  bind(endpoint: string): Promise<void>;
  connect(endpoint: string): void;
  close(): void;
  send(message: Frame | Frame[]): Promise<void>;
  receive(): Promise<Buffer[]>;
  subscribe(...topics: Frame[]): void;
  unsubscribe(...topics: Frame[]): void;
  readonly closed: boolean;
}

/** Options both implementations take under the same names. */
export interface TestSocketOptions {
  routingId?: string;
  immediate?: boolean;
  sendTimeout?: number;
  receiveTimeout?: number;
  maxMessageSize?: number;
  /** Router only. */
  mandatory?: boolean;
}

type Constructor = new (options?: Record<string, unknown>) => unknown;

const CLASSES: Record<SocketTypeName, Record<Impl, Constructor>> = {
  PAIR: { ref: ref.Pair, zmq: zmq.Pair },
  PUB: { ref: ref.Publisher, zmq: zmq.Publisher },
  SUB: { ref: ref.Subscriber, zmq: zmq.Subscriber },
  REQ: { ref: ref.Request, zmq: zmq.Request },
  REP: { ref: ref.Reply, zmq: zmq.Reply },
  DEALER: { ref: ref.Dealer, zmq: zmq.Dealer },
  ROUTER: { ref: ref.Router, zmq: zmq.Router },
  PULL: { ref: ref.Pull, zmq: zmq.Pull },
  PUSH: { ref: ref.Push, zmq: zmq.Push },
  XPUB: { ref: ref.XPublisher, zmq: zmq.XPublisher },
  XSUB: { ref: ref.XSubscriber, zmq: zmq.XSubscriber },
} as unknown as Record<SocketTypeName, Record<Impl, Constructor>>;

export type SocketFactory = (impl: Impl, type: SocketTypeName, options?: TestSocketOptions) => TestSocket;

/**
 * Registers an afterEach that closes every socket the test made with the returned factory.
 * linger 0 everywhere: a test that is over has nothing left to deliver.
 */
export function useSockets(): SocketFactory {
  const open: TestSocket[] = [];
  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });
  return (impl, type, options = {}) => {
    const socket = new CLASSES[type][impl]({ linger: 0 }) as TestSocket & Record<string, unknown>;
    // Set one by one, before any bind/connect: an option the type lacks (receiveTimeout on a
    // zeromq.js Push) is skipped, and undefined leaves the default.
    for (const [name, value] of Object.entries(options)) {
      if (value !== undefined && name in socket) socket[name] = value;
    }
    open.push(socket);
    return socket;
  };
}
