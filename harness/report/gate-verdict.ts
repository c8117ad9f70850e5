import { isUnexpected, unexpectedOutcomes } from "../model/outcome";
import type { ResultRow } from "../runner/result";
import type { Report } from "./report-json";
import { oneLine } from "./row-facts";

/**
 * The gate's verdict on a report, by the exit codes every command shares (README, The command line): 0 nothing
 * unexpected; 1 unexpected results (failures or passes); 2 the harness, a driver or the
 * environment failed: a problem of the run itself, a planned platform that did not run, or an
 * `error` row nobody expected. `run`, `gate` and `report` (the merge of shards) all judge here.
 */
export interface GateVerdict {
  readonly unexpectedFailures: ResultRow[];
  readonly unexpectedPasses: ResultRow[];
  readonly problems: string[];
  readonly exitCode: 0 | 1 | 2;
}

export function gateVerdict(report: Report, runProblems: readonly string[] = []): GateVerdict {
  const unexpected = report.results.filter(isUnexpected);
  // A repeated cell is an unexpected pass only when passing is all it did unexpectedly.
  const onlyPassed = (row: ResultRow) => unexpectedOutcomes(row).every((o) => o === "pass");
  const unexpectedPasses = unexpected.filter(onlyPassed);
  const unexpectedFailures = unexpected.filter((row) => !onlyPassed(row));
  const platforms = new Set(report.results.map((row) => row.platform));
  const problems = [
    ...runProblems,
    ...(report.platforms ?? []).filter((p) => p.status === "not-run").map((p) => `platform ${p.id} not run: ${p.reason ?? "no reason given"}`),
    ...unexpectedFailures
      .filter((row) => unexpectedOutcomes(row).includes("error"))
      .map((row) => `${row.scenario}${platforms.size > 1 ? ` [${row.platform}]` : ""}: ${oneLine(row.observed.summary, 300)}`),
  ];
  const exitCode = problems.length > 0 ? 2 : unexpected.length > 0 ? 1 : 0;
  return { unexpectedFailures, unexpectedPasses, problems: [...new Set(problems)], exitCode };
}
