import { WritableSocket } from "../socket/capabilities";
import { LoadBalancer } from "../socket/load-balancer";
import type { SocketOptions } from "../socket/options";
import type { Pipe } from "../socket/pipe";

/** PUSH: round-robin to the connected PULLs; blocks when all are at the high-water mark. */
export class Push extends WritableSocket {
  private readonly balancer = new LoadBalancer();

  constructor(options?: Partial<SocketOptions>) {
    super("PUSH", options);
    this.seal(options);
  }

  protected route(frames: Buffer[]): boolean {
    const pipe = this.balancer.pick(this.pipes);
    if (pipe === undefined) return false;
    pipe.write(frames);
    return true;
  }

  protected arrive(_pipe: Pipe, _frames: Buffer[]): void {
    // A PUSH never receives: whatever a misbehaving peer sends is dropped.
  }
}
