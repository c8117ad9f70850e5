/**
 * The outcomes a result can have (docs/reports.md). `fail` is a MUST broken; `non-strict` a SHOULD or COMPAT missed;
 * `informational` an INFO scenario's recorded observation; `unsupported` is declared by the
 * implementation's capabilities; `skipped` names a precondition the platform lacks; `timeout` is a
 * hard limit hit; `error` is a fault of the harness or a driver, never of the implementation's
 * conformance.
 */
export const OUTCOMES = ["pass", "fail", "non-strict", "informational", "unsupported", "skipped", "timeout", "error"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One named check inside a scenario: what was acceptable and what was seen. */
export interface CheckRecord {
  readonly what: string;
  readonly expected: string;
  readonly observed: string;
  readonly ok: boolean;
}

/** A cell run several times (--repeat N): how many runs, and how many ended with each outcome. */
export interface Repeats {
  readonly runs: number;
  readonly outcomes: Readonly<Partial<Record<Outcome, number>>>;
}

/** What the gate judges of a row: its outcome, or every outcome its repeats had. */
export interface Judged {
  readonly outcome: Outcome;
  readonly expected: readonly Outcome[];
  readonly repeat?: Repeats;
}

/** Every outcome the row had: its own, or each one its repeats saw. */
export function outcomesSeen(row: Pick<Judged, "outcome" | "repeat">): Outcome[] {
  return row.repeat === undefined ? [row.outcome] : OUTCOMES.filter((o) => (row.repeat!.outcomes[o] ?? 0) > 0);
}

/** A cell whose repeats did not all end the same way. */
export function isFlaky(row: Pick<Judged, "outcome" | "repeat">): boolean {
  return outcomesSeen(row).length > 1;
}

/**
 * The gate's rule (only UNEXPECTED results fail a CI job): an outcome the
 * expectations do not list is a surprise, except `unsupported`. That one only repeats what the
 * implementation itself declared (a capability it does not claim, an op it answered
 * "unsupported"), so it is never unexpected and an expectations file needs no entry for it.
 * The other way round still counts: a pass where `unsupported` was expected is an unexpected pass.
 * A repeated cell is judged by every outcome it had: one unexpected run is enough.
 */
export function unexpectedOutcomes(row: Judged): Outcome[] {
  return outcomesSeen(row).filter((o) => o !== "unsupported" && !row.expected.includes(o));
}

export function isUnexpected(row: Judged): boolean {
  return unexpectedOutcomes(row).length > 0;
}

/** "pass 4, timeout 1" (of a repeated row), or the outcome. */
export function describeOutcomes(row: Pick<Judged, "outcome" | "repeat">): string {
  return row.repeat === undefined
    ? row.outcome
    : outcomesSeen(row)
        .map((o) => `${o} ${row.repeat!.outcomes[o]}`)
        .join(", ");
}
