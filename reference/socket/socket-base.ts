import type * as net from "node:net";
import { ZmqError } from "../errors";
import { checkEndpointSyntax, nodeSocketPath, parseEndpoint, type IpcAddress } from "../endpoint/parse-endpoint";
import { platformIpc, type PlatformIpc } from "../endpoint/platform-limits";
import { IpcConnecter } from "../transport/ipc-connecter";
import { ZmtpSession, type SessionEvents } from "../session/zmtp-session";
import type { SocketTypeName } from "../zmtp";
import type { MessageLike } from "./message";
import { DEFAULT_OPTIONS, defineOptionAccessors, type SocketOptions } from "./options";
import { defineNumberedOptionMethods } from "./numbered-options";
import { socketTypeNumbered } from "./socket-type-numbers";
import { Pipe, type PipeOwner } from "./pipe";
import { SendReceive } from "./send-receive";
import type { Behaviour } from "../behaviour";
import { behaviourOf } from "../testing/faults";
import { BoundEndpoints } from "./bound-endpoints";
import { EndpointCallGate } from "./endpoint-call-gate";

interface ConnectedEndpoint {
  readonly connecter: IpcConnecter;
  /** ZMQ_CONNECT_ROUTING_ID: the routing id a ROUTER gives this endpoint's peer. */
  readonly routingId: Buffer | undefined;
  /** Closed with messages queued and its connection still to come: it connects to write them out (linger). */
  lingerOnConnect?: boolean;
  pipe: Pipe | undefined;
  session: ZmtpSession | undefined;
}

/**
 * What every socket type shares: endpoints, connections, pipes, the receive queue and the
 * send/receive promises. A socket type decides only where a message goes (`route`) and what it
 * makes of what arrives (`arrive`, `take`), like libzmq's socket_base_t and its subclasses.
 */
export abstract class Socket implements SocketOptions {
  // The options are accessors on the prototype (defineOptionAccessors, below the class): each value
  // is checked when set, and kept in `optionValues`.
  declare routingId: string | null;
  declare linger: number;
  declare immediate: boolean;
  declare reconnectInterval: number;
  declare reconnectMaxInterval: number;
  declare sendHighWaterMark: number;
  declare receiveHighWaterMark: number;
  declare sendTimeout: number;
  declare receiveTimeout: number;
  declare maxMessageSize: number;
  declare handshakeInterval: number;
  declare heartbeatInterval: number;
  declare heartbeatTimeToLive: number;
  declare heartbeatTimeout: number;
  declare backlog: number;
  declare affinity: number;
  declare recoveryInterval: number;
  // zeromq.js's low-level option methods, by libzmq's option numbers (defineNumberedOptionMethods, below the class).
  declare getBoolOption: (id: number) => boolean;
  declare setBoolOption: (id: number, value: boolean) => void;
  declare getInt32Option: (id: number) => number;
  declare setInt32Option: (id: number, value: number) => void;
  declare getInt64Option: (id: number) => number;
  declare setInt64Option: (id: number, value: number) => void;
  declare getUint64Option: (id: number) => number;
  declare setUint64Option: (id: number, value: number) => void;
  declare getStringOption: (id: number) => string | null;
  declare setStringOption: (id: number, value: string | Buffer | null) => void;
  private readonly optionValues: SocketOptions = { ...DEFAULT_OPTIONS };

  /** ZMQ_LAST_ENDPOINT: the endpoint of the last successful bind, as the kernel knows it (read-only). */
  get lastEndpoint(): string | null {
    return this.bound.lastEndpoint;
  }

  /** ZMQ_MECHANISM, as zeromq.js names it (read-only): null is the NULL mechanism, the only one the reference speaks. */
  get securityMechanism(): null {
    return null;
  }

  /** The pipes a message may be routed to: attached ones, and connect-side ones still waiting. */
  protected readonly pipes: Pipe[] = [];
  private readonly pipeBySession = new Map<ZmtpSession, Pipe>();
  private readonly bound = new BoundEndpoints();
  private readonly connected = new Map<string, ConnectedEndpoint>();
  /** The send and receive calls, and what has arrived for receive(). */
  private readonly exchange = new SendReceive(
    {
      route: (frames) => this.route(frames),
      take: (pipe, frames) => this.take(pipe, frames),
      pauseReading: (paused) => {
        for (const session of this.pipeBySession.keys()) {
          if (paused) session.pause();
          else session.resume();
        }
      },
    },
    this,
  );
  private isClosed = false;
  private readonly platform: PlatformIpc;
  /** What this socket does where an implementation can go wrong: the standard behaviour outside fault tests. */
  protected readonly behaviour: Behaviour;

  /** The concrete class of each socket type, for zeromq.js's generic `new Socket(typeNumber)` (filled by the package's index). */
  static readonly classes = new Map<SocketTypeName, new (options?: Partial<SocketOptions>) => Socket>();

  readonly type: SocketTypeName;

  protected constructor(type: SocketTypeName | number, options: Partial<SocketOptions> & Record<string, unknown> = {}, platform?: PlatformIpc) {
    // Called as zeromq.js's generic constructor, `new Socket(5, options)`, the type is libzmq's
    // number: that is the socket class of that type (a subclass calling super(5) gets the type,
    // with its own methods).
    const generic = new.target === Socket || typeof type !== "string";
    this.type = generic ? socketTypeNumbered(arguments.length, type, options) : type;
    this.platform = platform ?? platformIpc();
    // Only a symbol-keyed option changes it, which the option assignment in seal() never sees.
    this.behaviour = behaviourOf(options);
    const concrete = Socket.classes.get(this.type);
    if (new.target === Socket && concrete !== undefined) return new concrete(options);
  }

  /**
   * Called last by each socket class's constructor (its own fields exist only once the base
   * constructor has returned): seals the socket, as zeromq.js does, then sets the options. So a
   * misspelt option, in the constructor or set later (`sock.sendTimout = 5`), is a TypeError
   * ("Cannot add property sendTimout, object is not extensible") instead of an inert property.
   */
  protected seal(options: object = {}): void {
    Object.seal(this);
    for (const [name, value] of Object.entries(options)) (this as Record<string, unknown>)[name] = value;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Whether a send() now would complete at once (libzmq's ZMQ_EVENTS has ZMQ_POLLOUT), as zeromq.js's `writable`. */
  get writable(): boolean {
    return !this.isClosed && this.canSendNow();
  }

  /** Whether a message is waiting for receive() (ZMQ_POLLIN), as zeromq.js's `readable`. */
  get readable(): boolean {
    return !this.isClosed && this.exchange.queued > 0;
  }

  // ---- endpoints ------------------------------------------------------------------------

  /**
   * As zeromq.js: one bind or unbind at a time (another endpoint call while it runs throws EBUSY at
   * once), and close() during one takes effect when it has settled.
   */
  bind(endpoint: string): Promise<void> {
    this.assertOpen();
    this.endpointCalls.assertIdle();
    return this.endpointCalls.run(this.bindNow(endpoint));
  }

  /** Takes the endpoint as bound, or for a wildcard the value of lastEndpoint ("ipc://*" itself is ENOENT). */
  unbind(endpoint: string): Promise<void> {
    this.assertOpen();
    this.endpointCalls.assertIdle();
    return this.endpointCalls.run(this.unbindNow(endpoint));
  }

  private readonly endpointCalls = new EndpointCallGate(() => this.close());

  /** async: a malformed endpoint rejects the promise, as in zeromq.js, rather than throwing. */
  private async bindNow(endpoint: string): Promise<void> {
    return this.bound.bind({
      address: this.resolve(parseEndpoint(endpoint, "bind", this.platform)),
      endpoint,
      platform: this.platform,
      backlog: this.backlog,
      accept: (socket) => (this.isClosed ? undefined : this.startSession(socket)),
      isClosed: () => this.isClosed,
    });
  }

  private async unbindNow(endpoint: string): Promise<void> {
    // A malformed endpoint is EINVAL or EPROTONOSUPPORT, not "not bound" (libzmq's term_endpoint).
    checkEndpointSyntax(endpoint);
    const accepted = this.bound.unbind(endpoint);
    if (!this.behaviour.unbindClosesAccepted) return;
    for (const session of accepted) session.close("endpoint unbound");
  }

  /** Returns at once: the connection is made (and remade) in the background. */
  connect(endpoint: string): void {
    this.connectWith(endpoint, undefined);
  }

  /** connect(), with the routing id a ROUTER gives the peer at this endpoint (zeromq.js's connect options). */
  protected connectWith(endpoint: string, routingId: Buffer | undefined): void {
    this.assertOpen();
    this.endpointCalls.assertIdle();
    const address = this.resolve(parseEndpoint(endpoint, "connect", this.platform));
    if (address.kind === "wildcard") throw new ZmqError("EINVAL", "cannot connect to a wildcard", endpoint);
    if (this.connected.has(endpoint)) throw new ZmqError("EINVAL", "already connected to this endpoint", endpoint);
    const entry: ConnectedEndpoint = {
      connecter: new IpcConnecter(nodeSocketPath(address), this, (socket) => {
        if (this.isClosed && entry.lingerOnConnect !== true) return void socket.destroy();
        const session = this.startSession(socket);
        if (entry.lingerOnConnect === true) session.keepAlive();
        entry.session = session;
        this.sessionEndpoints.set(session, entry);
      }),
      routingId,
      pipe: undefined,
      session: undefined,
    };
    if (!this.immediate) {
      entry.pipe = this.addPipe(true, routingId);
    }
    this.connected.set(endpoint, entry);
    entry.connecter.start();
  }

  disconnect(endpoint: string): void {
    this.assertOpen();
    this.endpointCalls.assertIdle();
    checkEndpointSyntax(endpoint);
    const entry = this.connected.get(endpoint);
    if (entry === undefined) throw new ZmqError("ENOENT", "endpoint is not connected", endpoint);
    this.connected.delete(endpoint);
    entry.connecter.stop();
    const { session, pipe } = entry;
    if (session !== undefined && pipe !== undefined && this.linger !== 0 && this.pipeBySession.get(session) === pipe) {
      // ZMQ_LINGER applies to zmq_disconnect() as to zmq_close(): the endpoint leaves the socket
      // at once (nothing more is routed to it, nothing more is read from it), but what its pipe
      // still holds goes out on the established connection, as long as linger allows.
      this.lingerAfterDisconnect(session, pipe);
      return;
    }
    session?.close("disconnected");
    if (pipe !== undefined) this.removePipe(pipe);
  }

  /** Sessions of disconnected endpoints that still write out what their pipe held (linger != 0). */
  private readonly disconnectedLingering = new Map<ZmtpSession, Pipe>();

  private lingerAfterDisconnect(session: ZmtpSession, pipe: Pipe): void {
    this.pipeDetached(pipe); // the socket type forgets it: no routing id, no subscriptions
    this.pipeBySession.delete(session);
    const index = this.pipes.indexOf(pipe);
    if (index >= 0) this.pipes.splice(index, 1);
    this.pipeRemoved(pipe);
    this.disconnectedLingering.set(session, pipe);
    this.lingerOn(session, pipe);
  }

  /**
   * ZMQ_LINGER on one connection: the session stays open (and holds the process) until it has
   * written what its pipe holds, then hangs up; linger > 0 bounds that, unless `bounded` is false
   * (a timer set earlier bounds it already).
   */
  private lingerOn(session: ZmtpSession, pipe: Pipe, bounded = true): void {
    session.keepAlive();
    pipe.flush();
    this.endIfFlushed(session, pipe);
    if (bounded && this.linger > 0) setTimeout(() => session.close("linger expired"), this.linger).unref();
  }

  close(): void {
    if (this.isClosed || this.endpointCalls.deferClose()) return;
    this.isClosed = true;
    this.bound.stopListening();
    const lingering = new Set<Pipe>();
    for (const entry of this.connected.values()) {
      const { connecter, session, pipe } = entry;
      // Messages queued for a connection still to come are written once it comes, as libzmq
      // lingers on them too (its close does not drop them): the connecter goes on until then, or
      // until linger runs out. Between attempts nothing holds the process open for it.
      if (this.linger !== 0 && pipe !== undefined && !pipe.isAttached && pipe.queued > 0) {
        entry.lingerOnConnect = true;
        lingering.add(pipe);
        session?.keepAlive(); // connected, still in its handshake
        if (this.linger > 0) setTimeout(() => this.endLingeringConnect(entry), this.linger).unref();
        continue;
      }
      connecter.stop();
    }
    for (const [session, pipe] of this.pipeBySession) {
      if (this.linger === 0) {
        session.close("socket closed");
        continue;
      }
      // The pipe may hold more than the connection takes now (its write buffer is full): it is
      // kept, fed to the session on each drain, and the session ended once it is empty
      // (endIfFlushed), as libzmq lingers on the pipe and not only on the bytes already written.
      lingering.add(pipe);
      this.lingerOn(session, pipe);
    }
    for (const session of this.bound.release()) if (!this.pipeBySession.has(session)) session.close("socket closed");
    for (const { session, lingerOnConnect } of this.connected.values()) {
      if (session !== undefined && !this.pipeBySession.has(session) && lingerOnConnect !== true) session.close("socket closed");
    }
    // Endpoints disconnected earlier and still lingering: linger 0 at close ends them too.
    if (this.linger === 0) for (const session of [...this.disconnectedLingering.keys()]) session.close("socket closed");
    this.connected.clear();
    for (const pipe of this.pipes) if (!lingering.has(pipe)) pipe.discard();
    // EAGAIN, as zeromq.js: the call did not happen (EBADF is for calls made on a closed socket).
    this.exchange.close(() => new ZmqError("EAGAIN", "the socket was closed while the call waited"));
  }

  /** Linger ran out before a closed socket's queued connection came up, or after: what is left goes. */
  private endLingeringConnect(entry: ConnectedEndpoint): void {
    entry.connecter.stop();
    entry.session?.close("linger expired");
    entry.pipe?.discard();
  }

  // ---- sending and receiving -------------------------------------------------------------

  /** On a closed socket every call throws EBADF at once, as in zeromq.js. */
  protected sendFrames(message: MessageLike | MessageLike[]): Promise<void> {
    // Checked first, as zeromq.js checks its arguments: String(undefined) would send "undefined".
    if (message === undefined) throw new TypeError("Message must be present");
    this.assertOpen();
    return this.exchange.send(message);
  }

  protected sendManyFrames(messages: ReadonlyArray<MessageLike | MessageLike[]>): Promise<void> {
    this.assertOpen();
    return this.exchange.sendMany(messages);
  }

  protected receiveFrames(): Promise<Buffer[]> {
    this.assertOpen();
    const outOfTurn = this.receiveOutOfTurn();
    if (outOfTurn !== undefined) return Promise.reject(outOfTurn);
    return this.exchange.receive();
  }

  protected receiveManyFrames(max: number): Promise<Buffer[][]> {
    this.assertOpen();
    const outOfTurn = this.receiveOutOfTurn();
    if (outOfTurn !== undefined) return Promise.reject(outOfTurn);
    return this.exchange.receiveMany(max);
  }

  protected async *iterateMessages(): AsyncGenerator<Buffer[], void, undefined> {
    while (!this.isClosed) {
      try {
        yield await this.receiveFrames();
      } catch (err) {
        // Closing ends the iteration quietly; any other error (EFSM from a REQ out of turn) is the caller's.
        const code = (err as ZmqError).code;
        if (this.isClosed && (code === "EAGAIN" || code === "EBADF")) return;
        throw err;
      }
    }
  }

  // ---- what socket types decide ----------------------------------------------------------

  /** Queues the message on the right pipe(s). False when it must wait for room. */
  protected abstract route(frames: Buffer[]): boolean;

  /** A message arrived from a peer: queue it for receive(), transform it, or drop it. */
  protected arrive(pipe: Pipe, frames: Buffer[]): void {
    this.enqueue(pipe, frames);
  }

  /** Turns a queued message into what receive() returns; undefined drops it. */
  protected take(_pipe: Pipe, frames: Buffer[]): Buffer[] | undefined {
    return frames;
  }

  /** Whether a message could be sent now: by default, when some pipe has room (PUSH, DEALER, PAIR). */
  protected canSendNow(): boolean {
    return this.pipes.some((pipe) => pipe.hasRoom);
  }

  /** A new pipe, before any connection: a connect-side one exists from connect() on (ROUTER names it). */
  protected pipeAdded(_pipe: Pipe): void {}

  protected pipeAttached(_pipe: Pipe): void {}

  protected pipeDetached(_pipe: Pipe): void {}

  /** Why receiving is out of turn now (REQ before its request), or undefined: receive() and iteration both ask. */
  protected receiveOutOfTurn(): ZmqError | undefined {
    return undefined;
  }

  /** A SUBSCRIBE/CANCEL command from the peer (PUB and XPUB care). */
  protected subscriptionArrived(_pipe: Pipe, _subscribe: boolean, _topic: Buffer): void {}

  // ---- helpers for socket types ----------------------------------------------------------

  protected enqueue(pipe: Pipe, frames: Buffer[]): void {
    this.exchange.enqueue(pipe, frames);
  }

  /** Wakes a send that waits for room, now that something changed. */
  protected retrySend(): void {
    this.exchange.retrySend();
  }

  protected attachedPipes(): Pipe[] {
    return this.pipes.filter((pipe) => pipe.isAttached);
  }

  // ---- what pipes and sessions tell us --------------------------------------------------

  private readonly pipeOwner: PipeOwner = { pipeHasRoom: () => this.retrySend() };

  private readonly sessionEvents: SessionEvents = {
    ready: (session) => this.onSessionReady(session),
    message: (session, frames) => {
      const pipe = this.pipeBySession.get(session);
      if (pipe !== undefined) this.arrive(pipe, frames);
    },
    subscription: (session, subscribe, topic) => {
      const pipe = this.pipeBySession.get(session);
      if (pipe !== undefined) this.subscriptionArrived(pipe, subscribe, topic);
    },
    drain: (session) => {
      const lingering = this.disconnectedLingering.get(session);
      const pipe = this.pipeBySession.get(session) ?? lingering;
      if (pipe === undefined) return;
      pipe.flush();
      if (this.isClosed || lingering !== undefined) this.endIfFlushed(session, pipe);
    },
    closed: (session) => this.onSessionClosed(session),
  };

  /** Closing with linger: once nothing is left in its pipe, the session writes the rest and hangs up. */
  private endIfFlushed(session: ZmtpSession, pipe: Pipe): void {
    if (pipe.queued === 0) session.end();
  }

  private onSessionReady(session: ZmtpSession): void {
    const entry = this.sessionEndpoints.get(session);
    entry?.connecter.connectionEstablished();
    let pipe = entry?.pipe;
    if (pipe !== undefined && !pipe.isAttached && !this.behaviour.keepsQueuedBeforeConnect) pipe.discard();
    if (pipe === undefined) {
      pipe = this.addPipe(false, entry?.routingId);
      if (entry !== undefined) entry.pipe = pipe;
    }
    pipe.attach(session);
    this.pipeBySession.set(session, pipe);
    if (this.exchange.paused) session.pause();
    this.pipeAttached(pipe);
    if (this.isClosed) {
      // A closed socket's lingering connection came up: it writes what was queued, then ends.
      entry?.connecter.stop();
      this.lingerOn(session, pipe, false); // endLingeringConnect's timer, set at close, bounds it
      return;
    }
    this.retrySend();
  }

  private onSessionClosed(session: ZmtpSession): void {
    this.bound.forget(session);
    const lingering = this.disconnectedLingering.get(session);
    if (lingering !== undefined) {
      // A disconnected endpoint's connection is gone (all written, linger expired, peer left): so is its queue.
      this.disconnectedLingering.delete(session);
      lingering.detach();
      lingering.discard();
    }
    const entry = this.sessionEndpoints.get(session);
    this.sessionEndpoints.delete(session);
    const pipe = this.pipeBySession.get(session);
    this.pipeBySession.delete(session);
    if (pipe !== undefined) {
      this.pipeDetached(pipe); // before detach(), which forgets the pipe's routing id and subscriptions
      pipe.detach();
      if (this.isClosed) pipe.discard(); // a lingering connection is gone (linger expired, peer left): so is its queue
      if (!pipe.persistent) {
        this.removePipe(pipe);
        if (entry !== undefined) entry.pipe = undefined;
      }
    }
    if (entry !== undefined) {
      entry.session = undefined;
      if (!this.isClosed && this.behaviour.reconnects) entry.connecter.connectionLost();
    }
  }

  // ---- internals -------------------------------------------------------------------------

  private readonly sessionEndpoints = new Map<ZmtpSession, ConnectedEndpoint>();

  private startSession(socket: net.Socket): ZmtpSession {
    return new ZmtpSession(
      socket,
      {
        socketType: this.type,
        routingId: Buffer.from(this.routingId ?? "", "utf8"),
        maxMessageSize: this.maxMessageSize,
        handshakeInterval: this.handshakeInterval,
        heartbeatInterval: this.heartbeatInterval,
        heartbeatTimeout: this.heartbeatTimeout,
        heartbeatTimeToLive: this.heartbeatTimeToLive,
        behaviour: this.behaviour,
      },
      this.sessionEvents,
    );
  }

  /** The address to bind or connect to: an abstract one carries the name the behaviour gives it. */
  private resolve<A extends IpcAddress>(address: A): A {
    if (address.kind !== "abstract") return address;
    return { ...address, name: this.behaviour.abstractName(address.name) };
  }

  private addPipe(persistent: boolean, connectRoutingId?: Buffer): Pipe {
    const pipe = new Pipe(this.pipeOwner, persistent, this.sendHighWaterMark, connectRoutingId);
    this.pipes.push(pipe);
    this.pipeAdded(pipe);
    return pipe;
  }

  private removePipe(pipe: Pipe): void {
    pipe.discard();
    const index = this.pipes.indexOf(pipe);
    if (index >= 0) this.pipes.splice(index, 1);
    this.pipeRemoved(pipe);
  }

  /** The pipe is gone for good (its queue dropped). */
  protected pipeRemoved(_pipe: Pipe): void {}

  private assertOpen(): void {
    if (this.isClosed) throw closedSocket();
  }
}

const closedSocket = () => new ZmqError("EBADF", "socket is closed");

defineOptionAccessors(Socket.prototype);
defineNumberedOptionMethods(Socket.prototype);
