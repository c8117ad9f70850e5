import type { MessageLike } from "./message";
import { Socket } from "./socket-base";

/** How many messages receiveMany() hands out at most when not told. */
export const DEFAULT_RECEIVE_BATCH = 1024;

/**
 * zeromq.js gives each socket class only the operations its type allows: a Pull has no send(),
 * a Publisher no receive(). These three bases carry the public methods, so a scenario written
 * for zeromq.js type-checks against the reference unchanged.
 */
export abstract class WritableSocket extends Socket {
  send(message: MessageLike | MessageLike[]): Promise<void> {
    return this.sendFrames(message);
  }

  /**
   * Not in zeromq.js: the batch path. Sends the messages in order for the price of one send();
   * resolves when the last has gone (see docs/performance.md for what it buys).
   */
  sendMany(messages: ReadonlyArray<MessageLike | MessageLike[]>): Promise<void> {
    return this.sendManyFrames(messages);
  }
}

export abstract class ReadableSocket extends Socket {
  receive(): Promise<Buffer[]> {
    return this.receiveFrames();
  }

  /**
   * Not in zeromq.js: the batch path. Every message already received, up to `max` (at least one:
   * it waits for the first as receive() does).
   */
  receiveMany(max = DEFAULT_RECEIVE_BATCH): Promise<Buffer[][]> {
    return this.receiveManyFrames(max);
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

  /**
   * Not in zeromq.js: the batch path. Sends the messages in order for the price of one send();
   * resolves when the last has gone (see docs/performance.md for what it buys).
   */
  sendMany(messages: ReadonlyArray<MessageLike | MessageLike[]>): Promise<void> {
    return this.sendManyFrames(messages);
  }

  receive(): Promise<Buffer[]> {
    return this.receiveFrames();
  }

  /**
   * Not in zeromq.js: the batch path. Every message already received, up to `max` (at least one:
   * it waits for the first as receive() does).
   */
  receiveMany(max = DEFAULT_RECEIVE_BATCH): Promise<Buffer[][]> {
    return this.receiveManyFrames(max);
  }

  [Symbol.asyncIterator](): AsyncIterator<Buffer[]> {
    return this.iterateMessages();
  }
}
