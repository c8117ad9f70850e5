import type * as net from "node:net";
import { ZmqError } from "../errors";
import type { IpcAddress } from "../endpoint/parse-endpoint";
import type { PlatformIpc } from "../endpoint/platform-limits";
import type { ZmtpSession } from "../session/zmtp-session";
import { IpcListener } from "../transport/ipc-listener";

interface BoundEndpoint {
  readonly listener: IpcListener;
  /** The connections its listener accepted and that are still open. */
  readonly sessions: Set<ZmtpSession>;
}

/** What a bind needs from the socket. */
export interface BindRequest {
  readonly address: IpcAddress;
  readonly endpoint: string;
  readonly platform: PlatformIpc;
  readonly backlog: number;
  /** Starts a session on an accepted connection; undefined when the socket is closed (the connection is dropped). */
  readonly accept: (socket: net.Socket) => ZmtpSession | undefined;
  readonly isClosed: () => boolean;
}

/** A socket's bound endpoints: each one's listener and the connections it accepted, by the endpoint ZMQ_LAST_ENDPOINT names. */
export class BoundEndpoints {
  private readonly byEndpoint = new Map<string, BoundEndpoint>();
  private last: string | null = null;

  /** ZMQ_LAST_ENDPOINT: the endpoint of the last successful bind, as the kernel knows it. */
  get lastEndpoint(): string | null {
    return this.last;
  }

  async bind(request: BindRequest): Promise<void> {
    const sessions = new Set<ZmtpSession>();
    const onConnection = (socket: net.Socket) => {
      const session = request.accept(socket);
      if (session === undefined) socket.destroy();
      else sessions.add(session);
    };
    const listener = await IpcListener.bind(request.address, request.endpoint, request.platform, onConnection, request.backlog);
    if (request.isClosed()) {
      listener.close();
      throw new ZmqError("EBADF", "socket closed during bind", request.endpoint);
    }
    const previous = this.byEndpoint.get(listener.endpoint);
    if (previous !== undefined) {
      // The same path bound again (libzmq allows it): the new socket file replaced ours, so the old
      // listener can never be reached again. Close it rather than leak it; keep its connections.
      previous.listener.close();
      for (const session of previous.sessions) sessions.add(session);
    }
    this.byEndpoint.set(listener.endpoint, { listener, sessions });
    this.last = listener.endpoint;
  }

  /** Closes the endpoint's listener; returns the connections it accepted (the caller decides their fate). ENOENT when not bound. */
  unbind(endpoint: string): ReadonlySet<ZmtpSession> {
    const entry = this.byEndpoint.get(endpoint);
    if (entry === undefined) throw new ZmqError("ENOENT", "endpoint is not bound by this socket", endpoint);
    this.byEndpoint.delete(endpoint);
    entry.listener.close();
    return entry.sessions;
  }

  /** A connection ended: it no longer belongs to its endpoint. */
  forget(session: ZmtpSession): void {
    for (const { sessions } of this.byEndpoint.values()) sessions.delete(session);
  }

  /** At close, first: no more connections are accepted. */
  stopListening(): void {
    for (const { listener } of this.byEndpoint.values()) listener.close();
  }

  /** At close, last: forgets the endpoints; returns the connections they accepted that are still open. */
  release(): ZmtpSession[] {
    const open = [...this.byEndpoint.values()].flatMap(({ sessions }) => [...sessions]);
    this.byEndpoint.clear();
    return open;
  }
}
