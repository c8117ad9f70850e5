import * as net from "node:net";
import { within } from "./bounded-wait";
import { COMMAND, LONG, MORE, greeting, ready } from "./zmtp-bytes";

export interface RawFrame {
  flags: number;
  body: Buffer;
}

/**
 * A ZMTP peer written with node:net and nothing else: it sends exactly the bytes it is given and
 * reads what comes back byte-exactly, so that the tests see the reference's wire format and can
 * send it anything, valid or not.
 */
export class RawPeer {
  private buffer = Buffer.alloc(0);
  private wake: (() => void) | undefined;
  private ended = false;
  /** Resolves when the connection is fully closed (by either side). */
  readonly closed: Promise<void>;

  constructor(readonly socket: net.Socket) {
    socket.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.poke();
    });
    socket.on("error", () => undefined); // EPIPE/ECONNRESET once the reference hangs up: 'close' follows
    this.closed = new Promise((resolve) => socket.once("close", () => resolve()));
    socket.once("close", () => {
      this.ended = true;
      this.poke();
    });
  }

  /** Bytes received and not yet read. */
  get pending(): number {
    return this.buffer.length;
  }

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
    await within(this.until(() => this.buffer.length >= n), `raw peer reading ${what}`);
    const out = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    return out;
  }

  async readFrame(): Promise<RawFrame> {
    const [flags] = await this.read(1, "frame flags");
    const size = flags & LONG ? Number((await this.read(8, "long size")).readBigUInt64BE()) : (await this.read(1, "short size"))[0];
    return { flags, body: Buffer.from(await this.read(size, "frame body")) };
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
    this.socket.destroy();
  }

  private until(condition: () => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (condition()) return resolve();
        if (this.ended) return reject(new Error("connection closed"));
        this.wake = check;
      };
      check();
    });
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

export interface RawPeers {
  /** Connects to a UNIX socket path. */
  connect(path: string): Promise<RawPeer>;
  /** Listens on a path; `accept()` waits for the first connection made to it. */
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
        let first: (peer: RawPeer) => void = () => undefined;
        const accepted = new Promise<RawPeer>((r) => (first = r));
        const server = net.createServer((socket) => {
          const peer = new RawPeer(socket);
          peers.push(peer);
          first(peer);
        });
        servers.push(server);
        server.once("error", reject);
        server.listen(path, () => resolve({ accept: () => within(accepted, `raw accept on ${path}`) }));
      }),
  };
}
