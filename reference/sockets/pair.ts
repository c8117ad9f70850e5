import { DuplexSocket } from "../socket/capabilities";
import type { SocketOptions } from "../socket/options";
import type { Pipe } from "../socket/pipe";

/** PAIR: exactly one peer; a second connection is refused, as libzmq's pair_t does. */
export class Pair extends DuplexSocket {
  constructor(options?: Partial<SocketOptions>) {
    super("PAIR", options);
    this.seal(options);
  }

  protected route(frames: Buffer[]): boolean {
    const pipe = this.pipes[0];
    if (pipe === undefined || !pipe.hasRoom) return false;
    pipe.write(frames);
    return true;
  }

  protected pipeAttached(pipe: Pipe): void {
    const other = this.pipes.find((p) => p !== pipe && p.isAttached);
    if (other !== undefined) pipe.session?.close("PAIR already has a peer");
  }
}
