import * as net from "node:net";
import { COMMAND, GREETING_SIZE, MORE, parseFrame, splitCommand } from "../../../suites/raw-zmtp/zmtp-bytes";
import { within } from "./behaviour-env";

/**
 * A raw ZMTP peer that records: it collects the reference's greeting and every frame after it as
 * they come (parsed with the suites' hand-written ZMTP bytes, never the reference's codec), and
 * when the reference closed the connection, for tests of a peer that misbehaves on a clock: one
 * that never greets, or one that never answers PING.
 */

export interface RecordedFrame {
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
export class RecordingPeer {
  readonly frames: RecordedFrame[] = [];
  greeting: Buffer | undefined;
  closed = false;
  readonly closedAt: Promise<number>;
  private buffered = Buffer.alloc(0);
  private onFrame: ((frame: RecordedFrame) => void) | undefined;

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

  static connect(socketPath: string): Promise<RecordingPeer> {
    return within(
      new Promise((resolve, reject) => {
        const socket = net.createConnection({ path: socketPath });
        socket.once("error", reject);
        socket.once("connect", () => {
          socket.off("error", reject);
          resolve(new RecordingPeer(socket));
        });
      }),
      `a raw connection to ${socketPath}`,
    );
  }

  write(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** Calls `handler` for every frame from now on (frames already received are not replayed). */
  onEachFrame(handler: (frame: RecordedFrame) => void): void {
    this.onFrame = handler;
  }

  commands(name: string): RecordedFrame[] {
    return this.frames.filter((frame) => frame.command && frame.name === name);
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    if (this.greeting === undefined) {
      if (this.buffered.length < GREETING_SIZE) return;
      this.greeting = this.buffered.subarray(0, GREETING_SIZE);
      this.buffered = this.buffered.subarray(GREETING_SIZE);
    }
    for (let parsed = parseFrame(this.buffered, 0); parsed !== null; parsed = parseFrame(this.buffered, 0)) {
      this.buffered = this.buffered.subarray(parsed.end);
      const command = (parsed.flags & COMMAND) !== 0;
      const frame: RecordedFrame = {
        command,
        more: (parsed.flags & MORE) !== 0,
        body: parsed.body,
        name: command ? splitCommand(parsed.body)?.name : undefined,
      };
      this.frames.push(frame);
      this.onFrame?.(frame);
    }
  }
}
