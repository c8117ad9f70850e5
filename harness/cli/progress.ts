import { describeOutcomes, isFlaky, type Outcome } from "../model/outcome";
import type { ObservedRow } from "../runner/result";

/**
 * Progress: on a terminal, one line redrawn in place (a bar with counts, unexpected results
 * printed above it as they happen); elsewhere (CI, a pipe, a file) one plain line per result.
 */
export class Progress {
  private done = 0;
  private readonly counts = new Map<Outcome, number>();
  private readonly interactive: boolean;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stdout,
  ) {
    this.interactive = stream.isTTY === true && process.env.CI !== "true";
  }

  result(row: ObservedRow, unexpected: boolean): void {
    this.done++;
    this.counts.set(row.outcome, (this.counts.get(row.outcome) ?? 0) + 1);
    const who = row.implementation ?? `${row.binder}->${row.connecter}`;
    const line = `${row.outcome.padEnd(13)} ${row.scenario} [${who}] ${row.durationMs}ms${isFlaky(row) ? `  FLAKY (${describeOutcomes(row)})` : ""}${unexpected ? "  UNEXPECTED" : ""}`;
    if (!this.interactive) {
      this.stream.write(`${line}\n`);
      return;
    }
    if (unexpected) this.stream.write(`\r\x1b[K${line}\n`);
    this.stream.write(`\r\x1b[K${this.bar()}`);
  }

  finish(): void {
    if (this.interactive) this.stream.write(`\r\x1b[K${this.bar()}\n`);
  }

  private bar(): string {
    const width = 30;
    const filled = this.total === 0 ? width : Math.round((this.done / this.total) * width);
    const counts = [...this.counts].map(([outcome, n]) => `${n} ${outcome}`).join(", ");
    return `[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${this.done}/${this.total} ${counts}`;
  }
}
