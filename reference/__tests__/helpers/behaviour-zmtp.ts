import * as net from "node:net";
import { within } from "./behaviour-env";

/**
 * A raw ZMTP 3.1 peer written from the RFC (not from the reference's encoder), for tests that
 * need a peer that misbehaves: one that never greets, or one that never answers PING.
 */

/** The 64-byte greeting: signature, version 3.1, NULL mechanism, as-client. */
export function greetingBytes(): Buffer {
  const greeting = Buffer.alloc(64);
  greeting[0] = 0xff;
  greeting[9] = 0x7f;
  greeting[10] = 3;
  greeting[11] = 1;
  greeting.write("NULL", 12, "latin1");
  return greeting;
}

/** A short command frame: flags 0x04, one size byte, name length, name, data. */
export function commandFrame(name: string, data: Buffer = Buffer.alloc(0)): Buffer {
  const body = Buffer.concat([Buffer.from([name.length]), Buffer.from(name, "latin1"), data]);
  if (body.length > 255) throw new Error("long commands are not needed here");
  return Buffer.concat([Buffer.from([0x04, body.length]), body]);
}

/** READY with the Socket-Type property only. */
export function readyFrame(socketType: string): Buffer {
  const name = Buffer.from("Socket-Type", "latin1");
  const value = Buffer.from(socketType, "latin1");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(value.length);
  return commandFrame("READY", Buffer.concat([Buffer.from([name.length]), name, length, value]));
}

export interface RawFrame {
  readonly command: boolean;
  readonly more: boolean;
  readonly body: Buffer;
  /** For commands: the command name. */
  readonly name?: string;
}

/**
 * A raw connection to an ipc path: collects the peer's greeting and the frames after it, and
 * records when the peer closed the connection.
 */
export class RawPeer {
  readonly frames: RawFrame[] = [];
  greeting: Buffer | undefined;
  closed = false;
  readonly closedAt: Promise<number>;
  private buffered = Buffer.alloc(0);
  private onFrame: ((frame: RawFrame) => void) | undefined;

  private constructor(readonly socket: net.Socket) {
    socket.on("data", (chunk: Buffer) => this.receive(chunk));
    socket.on("error", () => undefined);
    this.closedAt = new Promise((resolve) =>
      socket.on("close", () => {
        this.closed = true;
        resolve(Date.now());
      }),
    );
  }

  static connect(socketPath: string): Promise<RawPeer> {
    return within(
      new Promise((resolve, reject) => {
        const socket = net.createConnection({ path: socketPath });
        socket.once("error", reject);
        socket.once("connect", () => {
          socket.off("error", reject);
          resolve(new RawPeer(socket));
        });
      }),
      `a raw connection to ${socketPath}`,
    );
  }

  write(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** Calls `handler` for every frame from now on (frames already received are not replayed). */
  onEachFrame(handler: (frame: RawFrame) => void): void {
    this.onFrame = handler;
  }

  commands(name: string): RawFrame[] {
    return this.frames.filter((frame) => frame.command && frame.name === name);
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    if (this.greeting === undefined) {
      if (this.buffered.length < 64) return;
      this.greeting = this.buffered.subarray(0, 64);
      this.buffered = this.buffered.subarray(64);
    }
    for (;;) {
      if (this.buffered.length < 2) return;
      const flags = this.buffered[0];
      const long = (flags & 0x02) !== 0;
      const header = long ? 9 : 2;
      if (this.buffered.length < header) return;
      const size = long ? Number(this.buffered.readBigUInt64BE(1)) : this.buffered[1];
      if (this.buffered.length < header + size) return;
      const body = this.buffered.subarray(header, header + size);
      this.buffered = this.buffered.subarray(header + size);
      const command = (flags & 0x04) !== 0;
      const frame: RawFrame = {
        command,
        more: (flags & 0x01) !== 0,
        body,
        name: command ? body.subarray(1, 1 + body[0]).toString("latin1") : undefined,
      };
      this.frames.push(frame);
      this.onFrame?.(frame);
    }
  }
}
