import type { Level, SuiteName } from "../model/scenario";
import type { CheckRecord, Outcome, Repeats } from "../model/outcome";
import type { Transcript } from "../model/transcript";

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
  /** Why: the expectations entry that set `expected`. Absent when no entry applies (the default: pass). */
  expectation?: ExpectationNote;
  observed: {
    /** Why the outcome is what it is, in one line. */
    summary: string;
    checks: CheckRecord[];
    values: Record<string, unknown>;
  };
  durationMs: number;
  /** Run several times (--repeat N): how many runs ended with each outcome; `outcome` is the least favourable. */
  repeat?: Repeats;
  /** What the cell said on the wire, decoded (run --trace). */
  transcript?: Transcript;
}

/** A row as the runner observed it, before the expectations judge it (expectations/judge-rows.ts adds `expected`). */
export type ObservedRow = Omit<ResultRow, "expected">;

/** An expectations entry as a report quotes it beside the rows it decided. */
export interface ExpectationNote {
  /** What the implementation does and why, in the implementer's words. */
  reason: string;
  link?: string;
  /** The file and line of the entry: "conformance/mylib.json:12", "fixtures/expectations/libzmq.json:40". */
  source: string;
  /** Known to flake: `pass` is accepted too. */
  intermittent?: boolean;
}
