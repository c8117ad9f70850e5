import type { TestSocket } from "../../model/implementation";
import { ARRIVAL_LIMIT_MS, SILENCE_LIMIT_MS } from "../limits";
import type { ScenarioChecks } from "./scenario-checks";

/**
 * The waits a scenario synchronises on: a message, a probe getting through, a condition on the
 * file system. Each is bounded by a base limit times the multiplier, and a wait that runs out is
 * a failed check naming what did not happen.
 */
export class ScenarioWaits {
  constructor(
    private readonly checks: ScenarioChecks,
    private readonly multiplier: number,
  ) {}

  limit(baseMs: number): number {
    return Math.round(baseMs * this.multiplier);
  }

  /** Waits for the next message, bounded by the arrival limit. */
  async receive(socket: TestSocket, what: string, baseMs = ARRIVAL_LIMIT_MS): Promise<Buffer[]> {
    const limit = this.limit(baseMs);
    const result = await this.checks.attempt(() => socket.receive(limit));
    if (!result.ok) {
      const observed = result.code === "EAGAIN" ? `nothing within ${limit} ms` : `error ${result.code}`;
      this.checks.check(what, observed, "a message");
    }
    return (result as { ok: true; value: Buffer[] }).value;
  }

  /** Expects a message equal to `frames` (as strings) next. */
  async expectMessage(socket: TestSocket, what: string, frames: Array<string | Buffer>, baseMs = ARRIVAL_LIMIT_MS): Promise<void> {
    const received = await this.receive(socket, what, baseMs);
    this.checks.check(what, showFrames(received), showFrames(frames.map((f) => Buffer.from(f))));
  }

  /**
   * Sends probes until one arrives: for moments when the path changes hands and a message in
   * flight on the dying connection may legitimately be lost. Each probe waits for its own arrival.
   */
  async probeUntilReceived(sender: TestSocket, receiver: TestSocket, what: string, baseMs = ARRIVAL_LIMIT_MS): Promise<Buffer[]> {
    const deadline = Date.now() + this.limit(baseMs);
    for (let probe = 0; ; probe++) {
      await sender.send([`probe-${probe}`]);
      const result = await this.checks.attempt(() => receiver.receive(this.limit(50)));
      if (result.ok) return result.value;
      if (Date.now() > deadline) this.checks.check(what, `no probe arrived within ${this.limit(baseMs)} ms`, "a probe arrives");
    }
  }

  /** Expects NOTHING to arrive for the silence limit: the one wait that costs its full length. */
  async expectSilence(socket: TestSocket, what: string, baseMs = SILENCE_LIMIT_MS): Promise<void> {
    const result = await this.checks.attempt(() => socket.receive(this.limit(baseMs)));
    this.checks.check(what, result.ok ? `message ${showFrames(result.value)}` : "nothing", "nothing");
  }

  /** Waits until a condition on the filesystem (or anything else) holds, asking again once per event-loop turn. */
  async until(what: string, condition: () => boolean | Promise<boolean>, baseMs = ARRIVAL_LIMIT_MS): Promise<void> {
    const deadline = Date.now() + this.limit(baseMs);
    while (!(await condition())) {
      if (Date.now() > deadline) this.checks.check(what, `not within ${this.limit(baseMs)} ms`, "true");
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

export function showFrames(frames: Buffer[]): string {
  return `[${frames.map((frame) => (isPrintable(frame) ? JSON.stringify(frame.toString()) : `0x${frame.toString("hex").slice(0, 64)}${frame.length > 32 ? `…(${frame.length} B)` : ""}`)).join(", ")}]`;
}

function isPrintable(frame: Buffer): boolean {
  return frame.length <= 64 && /^[\x20-\x7e]*$/.test(frame.toString("latin1"));
}
