import * as path from "node:path";
import { platformIpc, type PlatformIpc } from "../../../reference/endpoint/platform-limits";
import type { Implementation } from "../../adapters/implementation";
import { expectedFor, shippedExpectations, type ExpectationSet } from "../../expectations/expectations";
import type { Scenario } from "../../model/scenario";
import { describePlatform } from "../../platforms/platform-facts";
import { buildReport, writeReportJson, type Report } from "../../report/report-json";
import type { ResultRow } from "../../runner/result";
import { planTasks, runMatrix, type RowResult } from "../../runner/run-matrix";
import { leftoverProcesses, processesNow } from "../../runner/leftover-processes";
import { resolveImplementations } from "../implementations";
import { Progress } from "../progress";
import type { RunRequest } from "./run";

export interface PlatformRun {
  report: Report;
  harnessErrors: string[];
}

/** Expectation sets by implementation id: the shipped file of each, replaced by an --expect file for the same id. */
export function expectationSets(ids: readonly string[], overrides: readonly ExpectationSet[]): Map<string, ExpectationSet> {
  const sets = new Map<string, ExpectationSet>();
  for (const id of ids) sets.set(id, shippedExpectations(id));
  for (const set of overrides) sets.set(set.implementation, set);
  return sets;
}

/** Gives a row the outcomes its expectations allow on this platform. */
export function rowCompleter(scenarios: readonly Scenario[], sets: ReadonlyMap<string, ExpectationSet>, platformId: string, platform: PlatformIpc) {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  return (row: RowResult): ResultRow => {
    const expected = expectedFor(
      { scenario: byId.get(row.scenario)!, platformId, platformName: platform.name, implementation: row.implementation, binder: row.binder, connecter: row.connecter },
      sets,
    );
    return { ...row, expected: expected.outcomes };
  };
}

/**
 * Runs the scenarios in this process on this machine (the host, or inside a platform's
 * container), writing partial reports to `out` while it runs so that a crash or Ctrl-C still
 * leaves one. Returns the report without writing the final files.
 */
export async function runHere(scenarios: readonly Scenario[], request: RunRequest, platformId: string, overrides: readonly ExpectationSet[], out: string): Promise<PlatformRun> {
  const processesBefore = processesNow();
  const resolved = await resolveImplementations(request.implementations, request.drivers, request.multiplier);
  const sets = expectationSets(resolved.usable.map((impl) => impl.id), overrides);
  const platform = platformIpc();
  const facts = describePlatform(platformId);
  const rows: ResultRow[] = [];
  const infos = [...resolved.usable, ...resolved.broken.map((b) => ({ id: b.id, name: `${b.id} (could not start)`, version: "unknown" }))];
  const complete = rowCompleter(scenarios, sets, platformId, platform);
  const withFacts = (report: Report): Report => ({ ...report, platforms: [facts] });

  // Rows for implementations that never started: every cell they take part in is an error.
  const harnessErrors = resolved.broken.map((b) => `${b.id}: ${b.problem}`);
  const brokenStubs = resolved.broken.map((b) => ({ id: b.id }) as Implementation);
  for (const task of planTasks(scenarios, [...resolved.usable, ...brokenStubs], request.shard)) {
    const broken = resolved.broken.find((b) => b.id === task.roles.binder.id || b.id === task.roles.connecter.id);
    if (broken === undefined) continue;
    rows.push(
      complete({
        scenario: task.scenario.id,
        suite: task.scenario.suite,
        clause: task.scenario.clause,
        level: task.scenario.level,
        title: task.scenario.title,
        ...(task.scenario.roles === "pair" ? { binder: task.roles.binder.id, connecter: task.roles.connecter.id } : { implementation: task.roles.binder.id }),
        platform: platformId,
        outcome: "error",
        observed: { summary: `implementation could not be started: ${broken.problem}`, checks: [], values: {} },
        durationMs: 0,
      }),
    );
  }

  const writePartial = () => writeReportJson(out, withFacts(buildReport(infos, rows, true)));
  // Ending early (Ctrl-C, a crash): the rows so far are kept, and what the run started is ended
  // (drivers are also killed on exit, see DriverConnection; this reaches a scenario's own children).
  const endEarly = (why: string) => {
    writePartial();
    const leftover = leftoverProcesses(processesBefore, []);
    process.stderr.write(`\n${why}\n${leftover === undefined ? "" : `${leftover}\n`}partial report in ${out}\n`);
    process.exit(2);
  };
  const interrupted = () => endEarly("interrupted");
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  // A crash of the harness (an exception nobody catches, in a scenario's callback or in an
  // implementation's) still leaves the rows so far, and exits 2 as the contract says, not 1.
  const crashed = (err: unknown) => endEarly(`harness crashed: ${(err as Error)?.stack ?? String(err)}`);
  process.prependOnceListener("uncaughtException", crashed);

  const total = planTasks(scenarios, resolved.usable, request.shard).length;
  request.log(
    `running ${total} cells (${scenarios.length} scenarios) on ${platformId} against ${resolved.usable.map((i) => `${i.id} ${i.version}`).join(", ") || "nothing"}` +
      (request.shard ? ` (shard ${request.shard.index}/${request.shard.count})` : ""),
  );
  const progress = new Progress(total);
  let lastWrite = Date.now();
  try {
    if (resolved.usable.length > 0) {
      await runMatrix(scenarios, {
        implementations: resolved.usable,
        platformId,
        platform,
        multiplier: request.multiplier,
        jobs: request.jobs,
        shard: request.shard,
        onResult: (partialRow) => {
          const row = complete(partialRow);
          rows.push(row);
          progress.result(row, !row.expected.includes(row.outcome));
          if (Date.now() - lastWrite > 2000) {
            writePartial();
            lastWrite = Date.now();
          }
        },
      });
    }
  } finally {
    progress.finish();
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    process.off("uncaughtException", crashed);
    await resolved.dispose();
  }
  // Scenarios running side by side (--jobs) cannot each be blamed for what is left running, and a
  // driver's helpers may outlive it: whatever the run started and did not end is ended here.
  const leftover = leftoverProcesses(processesBefore, []);
  if (leftover !== undefined) harnessErrors.push(`after the run: ${leftover}`);

  const report = withFacts(buildReport(infos, rows, false));
  const notes = [...resolved.notAvailable.map((line) => `not run: ${line}`), ...(leftover === undefined ? [] : [`after the run: ${leftover}`])];
  if (notes.length > 0) report.notes = notes;
  for (const line of resolved.notAvailable) request.log(`not run: ${line}`);
  return { report, harnessErrors };
}

/** Where a platform's own reports go inside a multi-platform run's output directory. */
export function platformOut(out: string, platformId: string): string {
  return path.join(out, "platforms", platformId);
}
