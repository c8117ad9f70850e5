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
