import type { MessageLike } from "./message";
import { Socket } from "./socket-base";

/**
 * zeromq.js gives each socket class only the operations its type allows: a Pull has no send(),
 * a Publisher no receive(). These three bases carry the public methods, so a scenario written
 * for zeromq.js type-checks against the reference unchanged.
 */
export abstract class WritableSocket extends Socket {
  send(message: MessageLike | MessageLike[]): Promise<void> {
    return this.sendFrames(message);
  }
}

export abstract class ReadableSocket extends Socket {
  receive(): Promise<Buffer[]> {
    return this.receiveFrames();
  }

  [Symbol.asyncIterator](): AsyncIterator<Buffer[]> {
    return this.iterateMessages();
  }

  protected route(_frames: Buffer[]): boolean {
    return true; // a read-only socket never sends data
  }

  protected canSendNow(): boolean {
    return false;
  }
}

export abstract class DuplexSocket extends Socket {
  send(message: MessageLike | MessageLike[]): Promise<void> {
    return this.sendFrames(message);
  }

  receive(): Promise<Buffer[]> {
    return this.receiveFrames();
  }

  [Symbol.asyncIterator](): AsyncIterator<Buffer[]> {
    return this.iterateMessages();
  }
}
