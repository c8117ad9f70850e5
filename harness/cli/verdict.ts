import { describeOutcomes, isFlaky, isUnexpected, OUTCOMES } from "../model/outcome";
import type { GateVerdict } from "../report/gate-verdict";
import type { Report } from "../report/report-json";
import { rerunCommand } from "../report/rerun-command";
import { countOutcomes, oneLine, whoLabel } from "../report/row-facts";
import { cutSentence, explainRow, isKnownNonPass } from "../report/row-explanation";
import type { ResultRow } from "../runner/result";

/** How many rows of a kind the terminal lists one by one before pointing at summary.md. */
const MAX_LISTED = 100;

export interface VerdictInput extends Pick<GateVerdict, "unexpectedFailures" | "unexpectedPasses" | "exitCode"> {
  readonly report: Report;
  readonly files: Record<string, string>;
  readonly harnessErrors: readonly string[];
}

/**
 * The end of a run: counts; what was unexpected (failures, then passes), each with the sentence
 * of the spec it checks, why its outcome was expected and the command that reruns it; what was
 * expected not to pass and why; what was unsupported, by reason; problems of the run; the
 * reports; the verdict.
 */
export function printVerdict(outcome: VerdictInput, write: (line: string) => void): void {
  const { report } = outcome;
  const rows = report.results;
  const several = new Set(rows.map((r) => r.platform)).size > 1;
  const where = (row: ResultRow) => `[${whoLabel(row)}]${several ? ` [${row.platform}]` : ""}`;
  const counts = countOutcomes(rows);
  write("");
  write(
    rows.length === 0
      ? "no results"
      : `${OUTCOMES.filter((o) => counts.get(o)! > 0)
          .map((o) => `${counts.get(o)} ${o}`)
          .join(", ")} (${rows.length} ${rows.length === 1 ? "cell" : "cells"})`,
  );

  const explain = (row: ResultRow, expectedLine: boolean) => {
    const why = explainRow(row, report);
    const sentence = why.sentence === undefined ? "" : `: "${cutSentence(why.sentence, 120)}"`;
    write(`    clause ${why.clause} (${why.level})${sentence}`);
    const least = row.repeat === undefined ? "" : ` (its least favourable run of ${row.repeat.runs})`;
    if (expectedLine) write(`    observed${least}: ${oneLine(row.observed.summary, 300)}`);
    const from = [why.source, why.link].filter(Boolean).join(" ");
    write(`    ${expectedLine ? `expected ${why.expected}` : "because"}: ${oneLine(why.because, 300)}${from ? ` (${from})` : ""}`);
  };
  const listed = (items: readonly ResultRow[], each: (row: ResultRow) => void) => {
    for (const row of items.slice(0, MAX_LISTED)) each(row);
    if (items.length > MAX_LISTED) write(`  …and ${items.length - MAX_LISTED} more (summary.md and report.html list them all)`);
  };

  if (outcome.unexpectedFailures.length > 0) {
    write(`\nUnexpected results (${outcome.unexpectedFailures.length}):`);
    listed(outcome.unexpectedFailures, (row) => {
      write(`  ${outcomeOf(row)} ${row.scenario} ${where(row)}`);
      explain(row, true);
      write(`    rerun: ${rerunCommand(row, report)}`);
    });
  }
  if (outcome.unexpectedPasses.length > 0) {
    write(`\nUnexpected passes (${outcome.unexpectedPasses.length}): the expectations can be updated (update-expectations)`);
    listed(outcome.unexpectedPasses, (row) => {
      write(`  ${outcomeOf(row)} ${row.scenario} ${where(row)}`);
      explain(row, true);
      write(`    rerun: ${rerunCommand(row, report)}`);
    });
  }
  const known = rows.filter(isKnownNonPass);
  if (known.length > 0) {
    write(`\nExpected, not passing (${known.length}):`);
    listed(known, (row) => {
      write(`  ${outcomeOf(row)} ${row.scenario} ${where(row)}`);
      explain(row, false);
    });
  }
  const unsupported = rows.filter((row) => row.outcome === "unsupported" || (row.outcome === "skipped" && row.expected.includes("skipped")));
  if (unsupported.length > 0) {
    write(`\nNot run for what an implementation or platform lacks (${unsupported.length}; never unexpected when unsupported):`);
    for (const [reason, n] of byReason(unsupported).slice(0, 8)) write(`  ${String(n).padStart(4)} × ${reason}`);
  }
  const repeated = rows.filter((row) => row.repeat !== undefined);
  if (repeated.length > 0) {
    const flaky = repeated.filter(isFlaky);
    if (flaky.length > 0) {
      write(`\nFlaky cells (${flaky.length}), each with the outcomes of its ${repeated[0].repeat!.runs} runs:`);
      listed(flaky, (row) =>
        write(
          `  ${row.scenario} ${where(row)}: ${describeOutcomes(row)}; expected ${row.expected.join(" or ")}${isUnexpected(row) ? "  UNEXPECTED" : " (intermittent, as expected)"}`,
        ),
      );
    }
    write(`flaky cells: ${flaky.length} of ${repeated.length}`);
  }
  if (outcome.harnessErrors.length > 0) write("");
  for (const problem of outcome.harnessErrors) write(`harness error: ${problem}`);
  write(`\nreports: ${Object.values(outcome.files).join(", ")}${report.environment.partial ? " (partial)" : ""}`);
  const verdict = { 0: "nothing unexpected", 1: "unexpected results", 2: "harness, driver or environment error" }[outcome.exitCode];
  write(`verdict: ${verdict} (exit ${outcome.exitCode})`);
}

/** Rows grouped by the first line of their summary ("mylib does not declare the capability ..."), commonest first. */
function byReason(rows: readonly ResultRow[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const reason = `${row.outcome}: ${oneLine(row.observed.summary, 160)}`;
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** "non-strict", or "flaky (pass 4, timeout 1)" for a repeated cell whose runs differed. */
function outcomeOf(row: ResultRow): string {
  return isFlaky(row) ? `flaky (${describeOutcomes(row)})` : row.outcome;
}
