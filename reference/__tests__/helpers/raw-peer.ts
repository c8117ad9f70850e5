import * as net from "node:net";
import { WireConnection } from "../../../suites/raw-zmtp/wire-connection";
import { COMMAND, MORE, greeting, ready } from "../../../suites/raw-zmtp/zmtp-bytes";
import { within } from "./bounded-wait";
import { EVENT_LIMIT_MS } from "./limits";

export interface RawFrame {
  flags: number;
  body: Buffer;
}

/**
 * A ZMTP peer for the reference's own tests: the suites' WireConnection (exact bytes out, every
 * byte in), whose waits throw a readable error when the reference hangs up or nothing comes
 * within the limit, as a jest test wants.
 */
export class RawPeer {
  private readonly wire: WireConnection;
  /** Resolves when the connection is fully closed (by either side). */
  readonly closed: Promise<void>;

  constructor(readonly socket: net.Socket) {
    this.wire = new WireConnection(socket);
    this.closed = this.wire.whenClosed;
  }

  /** Bytes received and not yet read. */
  get pending(): number {
    return this.wire.unread.length;
  }

  /** Rejects with the socket's error (a write into a connection the reference closed, say). */
  write(bytes: Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.socket.write(bytes, (err) => (err ? reject(err) : resolve())));
  }

  /** One write per byte, yielding to the event loop in between so that the reference reads them one by one. */
  async writeByteByByte(bytes: Buffer): Promise<void> {
    for (let i = 0; i < bytes.length; i++) {
      await this.write(bytes.subarray(i, i + 1));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Sends a valid greeting and READY in one write. */
  handshake(socketType: string, identity?: string): Promise<void> {
    return this.write(Buffer.concat([greeting(), ready(socketType, identity)]));
  }

  /** Waits for exactly n more bytes. */
  async read(n: number, what = `${n} bytes`): Promise<Buffer> {
    await this.until((unread) => unread.length >= n, `raw peer reading ${what}`);
    return this.wire.take(n);
  }

  async readFrame(): Promise<RawFrame> {
    await this.until(WireConnection.holdsFrame, "raw peer reading a frame");
    const { flags, body } = this.wire.takeFrame();
    return { flags, body };
  }

  /** The next command frame: its name and data. Data frames before it are an error. */
  async readCommand(): Promise<{ name: string; data: Buffer; flags: number }> {
    const { flags, body } = await this.readFrame();
    if (!(flags & COMMAND)) throw new Error(`expected a command, got a data frame (flags 0x${flags.toString(16)})`);
    const length = body[0];
    return { name: body.toString("ascii", 1, 1 + length), data: body.subarray(1 + length), flags };
  }

  /** The next data message, skipping commands (a PING from a heartbeating peer, say). */
  async readMessage(): Promise<Buffer[]> {
    const frames: Buffer[] = [];
    for (;;) {
      const { flags, body } = await this.readFrame();
      if (flags & COMMAND) continue;
      frames.push(body);
      if (!(flags & MORE)) return frames;
    }
  }

  /** Reads (and discards) the peer's 64-byte greeting and its READY. */
  async completeHandshake(): Promise<void> {
    await this.read(64, "greeting");
    const { name } = await this.readCommand();
    if (name !== "READY") throw new Error(`expected READY, got ${name}`);
  }

  destroy(): void {
    this.wire.destroy();
  }

  private async until(condition: (unread: Buffer) => boolean, what: string): Promise<void> {
    const how = await this.wire.settle(condition, EVENT_LIMIT_MS);
    if (how === "closed") throw new Error(`${what}: connection closed`);
    if (how === "timeout") throw new Error(`${what}: nothing within ${EVENT_LIMIT_MS} ms`);
  }
}

export interface RawPeers {
  /** Connects to a UNIX socket path. */
  connect(path: string): Promise<RawPeer>;
  /** Listens on a path; each `accept()` takes the next connection made to it, waiting for one if none is there yet. */
  listen(path: string): Promise<{ accept(): Promise<RawPeer> }>;
}

/** Registers an afterEach that destroys every raw connection and server the test made. */
export function useRawPeers(): RawPeers {
  const peers: RawPeer[] = [];
  const servers: net.Server[] = [];
  afterEach(() => {
    for (const peer of peers.splice(0)) peer.destroy();
    for (const server of servers.splice(0)) server.close();
  });
  return {
    connect: (path) =>
      within(
        new Promise<RawPeer>((resolve, reject) => {
          const socket = net.createConnection({ path });
          const peer = new RawPeer(socket);
          peers.push(peer);
          socket.once("connect", () => resolve(peer));
          socket.once("error", reject);
        }),
        `raw connect to ${path}`,
      ),
    listen: (path) =>
      new Promise((resolve, reject) => {
        const arrived: RawPeer[] = [];
        const takers: Array<(peer: RawPeer) => void> = [];
        const server = net.createServer((socket) => {
          const peer = new RawPeer(socket);
          peers.push(peer);
          const taker = takers.shift();
          if (taker === undefined) arrived.push(peer);
          else taker(peer);
        });
        servers.push(server);
        server.once("error", reject);
        const next = () => (arrived.length > 0 ? Promise.resolve(arrived.shift()!) : new Promise<RawPeer>((taker) => takers.push(taker)));
        server.listen(path, () => resolve({ accept: () => within(next(), `raw accept on ${path}`) }));
      }),
  };
}
