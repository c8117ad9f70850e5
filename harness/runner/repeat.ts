import { OUTCOMES, type Outcome } from "../model/outcome";
import type { ObservedRow } from "./result";

/**
 * The outcomes from least to most favourable: a repeated cell shows the least favourable run it
 * had (its evidence included), so a flaky cell never looks better than its worst run.
 */
const LEAST_FAVOURABLE_FIRST: readonly Outcome[] = ["error", "timeout", "fail", "non-strict", "skipped", "unsupported", "informational", "pass"];

/**
 * One row for a cell run several times (--repeat N, web-platform-tests' `--verify`): the least
 * favourable run's outcome and observations, how many runs ended with each outcome, and the time
 * all of them took.
 */
export function combineRepeats(runs: readonly ObservedRow[]): ObservedRow {
  if (runs.length === 0) throw new Error("combineRepeats: no runs");
  if (runs.length === 1) return runs[0];
  const counts: Partial<Record<Outcome, number>> = {};
  for (const outcome of OUTCOMES) {
    const n = runs.filter((run) => run.outcome === outcome).length;
    if (n > 0) counts[outcome] = n;
  }
  const shown = LEAST_FAVOURABLE_FIRST.find((outcome) => counts[outcome] !== undefined)!;
  const worst = runs.find((run) => run.outcome === shown)!;
  return { ...worst, durationMs: runs.reduce((sum, run) => sum + run.durationMs, 0), repeat: { runs: runs.length, outcomes: counts } };
}
