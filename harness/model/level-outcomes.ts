import type { Outcome } from "./outcome";
import type { Level } from "./scenario";

/**
 * Which outcomes a scenario's level allows: the runner gives them, and expectation files may
 * only expect what can happen (a COMPAT scenario is never `fail`).
 */

/** What a broken check costs at each level: the outcome a scenario of that level gets when a check fails. */
export const MISSED_AT_LEVEL: Readonly<Record<Level, Outcome>> = { MUST: "fail", SHOULD: "non-strict", COMPAT: "non-strict", INFO: "informational" };

/** What a scenario of this level gets when every check holds. */
export function defaultOutcome(level: Level): Outcome {
  return level === "INFO" ? "informational" : "pass";
}

/** Every outcome a scenario of this level can have: a COMPAT scenario is never `fail`, an INFO one never `pass`. */
export function possibleOutcomes(level: Level): Outcome[] {
  return [...new Set<Outcome>([defaultOutcome(level), MISSED_AT_LEVEL[level], "unsupported", "skipped", "timeout", "error"])];
}
