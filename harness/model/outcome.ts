/**
 * The outcomes of design.md. `fail` is a MUST broken; `non-strict` a SHOULD or COMPAT missed;
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

/**
 * The gate's rule (design.md: only UNEXPECTED results fail a CI job): an outcome the
 * expectations do not list is a surprise, except `unsupported`. That one only repeats what the
 * implementation itself declared (a capability it does not claim, an op it answered
 * "unsupported"), so it is never unexpected and an expectations file needs no entry for it.
 * The other way round still counts: a pass where `unsupported` was expected is an unexpected pass.
 */
export function isUnexpected(row: { readonly outcome: Outcome; readonly expected: readonly Outcome[] }): boolean {
  return row.outcome !== "unsupported" && !row.expected.includes(row.outcome);
}

