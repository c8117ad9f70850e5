import { ZmqError } from "../errors";
import { DuplexSocket } from "../socket/capabilities";
import { LoadBalancer } from "../socket/load-balancer";
import type { SocketOptions } from "../socket/options";
import type { Pipe } from "../socket/pipe";

const DELIMITER = Buffer.alloc(0);

/**
 * REQ: strict send / receive alternation. Each request goes to one REP (round-robin) behind an
 * empty delimiter frame; only that peer's reply, delimiter stripped, is accepted.
 */
export class Request extends DuplexSocket {
  private readonly balancer = new LoadBalancer();
  /** The pipe whose reply we wait for; undefined while we may send. */
  private awaiting: Pipe | undefined;
  private replyArrived = false;

  constructor(options?: Partial<SocketOptions>) {
    super("REQ", options);
    this.seal(options);
  }

  protected receiveOutOfTurn(): ZmqError | undefined {
    return this.awaiting === undefined ? new ZmqError("EFSM", "REQ must send a request before it receives") : undefined;
  }

  /** Only while no reply is awaited. */
  protected canSendNow(): boolean {
    return this.awaiting === undefined && super.canSendNow();
  }

  protected route(frames: Buffer[]): boolean {
    if (this.awaiting !== undefined) throw new ZmqError("EFSM", "REQ must receive the reply before sending again");
    const pipe = this.balancer.pick(this.pipes);
    if (pipe === undefined) return false;
    pipe.write([DELIMITER, ...frames]);
    this.awaiting = pipe;
    this.replyArrived = false;
    return true;
  }

  protected arrive(pipe: Pipe, frames: Buffer[]): void {
    if (pipe !== this.awaiting || this.replyArrived) return; // not the peer we asked, or a duplicate
    if (frames.length < 2 || frames[0].length !== 0) return; // no delimiter: not a reply
    this.replyArrived = true;
    this.enqueue(pipe, frames.slice(1));
  }

  protected take(_pipe: Pipe, frames: Buffer[]): Buffer[] {
    this.awaiting = undefined;
    return frames;
  }
}
