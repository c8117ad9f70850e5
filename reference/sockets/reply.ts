import { ZmqError } from "../errors";
import { DuplexSocket } from "../socket/capabilities";
import type { SocketOptions } from "../socket/options";
import type { Pipe } from "../socket/pipe";

/**
 * REP: receives a request, remembers its envelope (every frame up to and including the empty
 * delimiter: routing ids added by ROUTERs on the way) and sends the reply back along it.
 */
export class Reply extends DuplexSocket {
  private pending: { pipe: Pipe; envelope: Buffer[] } | undefined;

  constructor(options?: Partial<SocketOptions>) {
    super("REP", options);
    this.seal(options);
  }

  protected receiveOutOfTurn(): ZmqError | undefined {
    return this.pending !== undefined ? new ZmqError("EFSM", "REP must send the reply before it receives again") : undefined;
  }

  protected take(pipe: Pipe, frames: Buffer[]): Buffer[] | undefined {
    const delimiter = frames.findIndex((frame) => frame.length === 0);
    if (delimiter < 0) return undefined; // no envelope: libzmq drops such requests too
    this.pending = { pipe, envelope: frames.slice(0, delimiter + 1) };
    return frames.slice(delimiter + 1);
  }

  /** Only while a request waits for its reply. */
  protected canSendNow(): boolean {
    return this.pending !== undefined;
  }

  protected route(frames: Buffer[]): boolean {
    const pending = this.pending;
    if (pending === undefined) throw new ZmqError("EFSM", "REP must receive a request before it replies");
    this.pending = undefined;
    const pipe = this.behaviour.repliesToAsker ? pending.pipe : (this.attachedPipes()[0] ?? pending.pipe);
    // The requester may have gone meanwhile: its reply is then dropped, as in libzmq.
    if (pipe.isAttached) pipe.write([...pending.envelope, ...frames]);
    return true;
  }
}
