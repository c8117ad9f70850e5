import * as net from "node:net";

export interface ReconnectOptions {
  /** Milliseconds before the next attempt; -1: never try again after a failure or a loss. */
  readonly reconnectInterval: number;
  /** When > 0, each consecutive failure doubles the interval up to this many milliseconds. */
  readonly reconnectMaxInterval: number;
}

/**
 * Keeps one outgoing ipc connection alive, as libzmq's ipc_connecter does: connect() never
 * touches the filesystem and never fails for a missing or refused path; every failure is retried
 * after the reconnect interval, and a lost connection is re-established the same way. Whoever
 * binds the path next is who we reach.
 */
export class IpcConnecter {
  private timer: NodeJS.Timeout | undefined;
  private attempt: net.Socket | undefined;
  private currentInterval: number;
  private stopped = false;

  constructor(
    private readonly socketPath: string,
    private readonly options: ReconnectOptions,
    private readonly onConnected: (socket: net.Socket) => void,
  ) {
    this.currentInterval = options.reconnectInterval;
  }

  start(): void {
    this.tryConnect();
  }

  /** The connection we handed out is gone (peer closed, handshake failed): try again later. */
  connectionLost(): void {
    this.scheduleRetry();
  }

  /** The handshake completed: the next loss starts again from the base interval. */
  connectionEstablished(): void {
    this.currentInterval = this.options.reconnectInterval;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.attempt?.destroy();
    this.attempt = undefined;
  }

  private tryConnect(): void {
    if (this.stopped) return;
    const socket = net.createConnection({ path: this.socketPath });
    this.attempt = socket;
    const onError = () => {
      socket.destroy();
      this.attempt = undefined;
      this.scheduleRetry();
    };
    socket.once("error", onError);
    socket.once("connect", () => {
      socket.off("error", onError);
      this.attempt = undefined;
      this.onConnected(socket);
    });
  }

  private scheduleRetry(): void {
    if (this.stopped || this.options.reconnectInterval < 0 || this.timer !== undefined) return;
    const delay = this.currentInterval;
    if (this.options.reconnectMaxInterval > 0) {
      this.currentInterval = Math.min(this.currentInterval * 2, this.options.reconnectMaxInterval);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.tryConnect();
    }, delay);
    // Waiting to reconnect does not keep the process alive (nor does an idle socket: socket-base.ts).
    this.timer.unref();
  }
}
