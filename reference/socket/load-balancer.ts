import type { Pipe } from "./pipe";

/** Round-robin over the pipes that have room (libzmq's lb_t): PUSH, DEALER and REQ. */
export class LoadBalancer {
  private next = 0;

  pick(pipes: readonly Pipe[]): Pipe | undefined {
    const count = pipes.length;
    for (let i = 0; i < count; i++) {
      const index = (this.next + i) % count;
      const pipe = pipes[index];
      if (pipe.hasRoom) {
        this.next = index + 1;
        return pipe;
      }
    }
    return undefined;
  }
}
