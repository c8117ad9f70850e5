import { ZmqError } from "../errors";

/**
 * One bind or unbind at a time, as in zeromq.js: while one runs, any other endpoint call throws
 * EBUSY at once, and close() waits until it has settled (the call then ends as it would have).
 */
export class EndpointCallGate {
  /** The bind or unbind under way, if any. */
  private current: Promise<void> | undefined;
  /** close() was called while it ran. */
  private closeWhenSettled = false;

  constructor(private readonly close: () => void) {}

  /** Throws EBUSY while a bind or unbind runs. */
  assertIdle(): void {
    if (this.current !== undefined) {
      throw new ZmqError("EBUSY", "a bind or unbind is under way", undefined, "Socket is blocked by a bind or unbind operation");
    }
  }

  /** Runs the call as the one under way; a close() asked meanwhile happens once it has settled. */
  run(call: Promise<void>): Promise<void> {
    const settled = call.finally(() => {
      this.current = undefined;
      if (this.closeWhenSettled) this.close();
    });
    this.current = settled;
    return settled;
  }

  /** For close(): true when a call runs, and the close is then deferred until it has settled. */
  deferClose(): boolean {
    if (this.current === undefined) return false;
    this.closeWhenSettled = true;
    return true;
  }
}
