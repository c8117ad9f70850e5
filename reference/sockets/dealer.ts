import { DuplexSocket } from "../socket/capabilities";
import { LoadBalancer } from "../socket/load-balancer";
import type { SocketOptions } from "../socket/options";

/** DEALER: round-robin out, fair-queued in, no envelope handling. */
export class Dealer extends DuplexSocket {
  private readonly balancer = new LoadBalancer();

  constructor(options?: Partial<SocketOptions>) {
    super("DEALER", options);
    this.seal(options);
  }

  protected route(frames: Buffer[]): boolean {
    const pipe = this.balancer.pick(this.pipes);
    if (pipe === undefined) return false;
    pipe.write(frames);
    return true;
  }
}
