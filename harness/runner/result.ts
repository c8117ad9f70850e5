import type { Level, SuiteName } from "../model/scenario";
import type { CheckRecord, Outcome } from "../model/outcome";

/** One row of report.json: a scenario x implementation (or binder x connecter) x platform. */
export interface ResultRow {
  scenario: string;
  suite: SuiteName;
  clause: string;
  level: Level;
  title: string;
  /** Single-role scenarios: the implementation under test. */
  implementation?: string;
  /** Pair scenarios: who bound and who connected. */
  binder?: string;
  connecter?: string;
  platform: string;
  outcome: Outcome;
  /** The outcomes the implementation's expectations allow (filled in by the run). */
  expected: Outcome[];
  observed: {
    /** Why the outcome is what it is, in one line. */
    summary: string;
    checks: CheckRecord[];
    values: Record<string, unknown>;
  };
  durationMs: number;
}
