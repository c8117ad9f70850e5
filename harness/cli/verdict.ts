import type { RunOutcome } from "./commands/run";
import type { ResultRow } from "../runner/result";

const who = (row: ResultRow) => row.implementation ?? `${row.binder}->${row.connecter}`;

/** The one-line command that reruns just this cell; implementations given by --driver are named with their command. */
export function rerunCommand(row: ResultRow, drivers: Array<{ name: string; command: string }> = []): string {
  const ids = [...new Set(row.implementation !== undefined ? [row.implementation] : [row.binder!, row.connecter!])];
  const driven = ids.map((id) => drivers.find((d) => d.name === id)).filter((d) => d !== undefined);
  const impls = ids.filter((id) => !driven.some((d) => d.name === id));
  const flags = [
    ...(impls.length > 0 ? [`--impl ${impls.join(",")}`] : []),
    ...driven.map((d) => `--driver ${d.name}='${d.command.replace(/'/g, "'\\''")}'`),
  ];
  return `npx zmq-ipc-conformance run ${flags.join(" ")} --scenario ${row.scenario} --platform ${row.platform}`;
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
      write(`    rerun: ${rerunCommand(row, outcome.drivers)}`);
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
