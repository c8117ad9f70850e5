import { ReadableSocket } from "../socket/capabilities";
import type { SocketOptions } from "../socket/options";

/** PULL: fair-queues what the PUSHes send. */
export class Pull extends ReadableSocket {
  constructor(options?: Partial<SocketOptions>) {
    super("PULL", options);
    this.seal(options);
  }
}
