import type { RunOutcome } from "./commands/run";
import type { ResultRow } from "../runner/result";

const who = (row: ResultRow) => row.implementation ?? `${row.binder}->${row.connecter}`;

export function rerunCommand(row: ResultRow): string {
  const impls = row.implementation ?? `${row.binder},${row.connecter}`;
  return `npx zmq-ipc-conformance run --impl ${impls} --scenario ${row.scenario} --platform ${row.platform}`;
}

/** The end of a run: counts, then what was unexpected (failures and passes apart), then where the reports are. */
export function printVerdict(outcome: RunOutcome, write: (line: string) => void): void {
  const counts = new Map<string, number>();
  for (const row of outcome.report.results) counts.set(row.outcome, (counts.get(row.outcome) ?? 0) + 1);
  write("");
  write(`${[...counts].map(([k, v]) => `${v} ${k}`).join(", ")}`);
  if (outcome.unexpectedFailures.length > 0) {
    write(`\nUnexpected results (${outcome.unexpectedFailures.length}):`);
    for (const row of outcome.unexpectedFailures) {
      write(`  ${row.outcome} ${row.scenario} [${who(row)}] expected ${row.expected.join("|")}`);
      write(`    ${row.observed.summary.split("\n")[0]}`);
      write(`    rerun: ${rerunCommand(row)}`);
    }
  }
  if (outcome.unexpectedPasses.length > 0) {
    write(`\nUnexpected passes (${outcome.unexpectedPasses.length}): update the expectations (update-expectations)`);
    for (const row of outcome.unexpectedPasses) write(`  pass ${row.scenario} [${who(row)}] expected ${row.expected.join("|")}`);
  }
  for (const problem of outcome.harnessErrors) write(`harness error: ${problem}`);
  write(`\nreports: ${Object.values(outcome.files).join(", ")}`);
  const verdict = { 0: "nothing unexpected", 1: "unexpected results", 2: "harness, driver or environment error" }[outcome.exitCode];
  write(`verdict: ${verdict} (exit ${outcome.exitCode})`);
}
