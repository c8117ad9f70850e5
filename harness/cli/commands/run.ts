import * as path from "node:path";
import { platformIpc } from "../../../reference/endpoint/platform-limits";
import type { Implementation } from "../../adapters/implementation";
import {
  checkAgainstCatalogue,
  expectedFor,
  loadExpectationFile,
  shippedExpectations,
  type ExpectationSet,
} from "../../expectations/expectations";
import type { Scenario } from "../../model/scenario";
import { buildReport, writeReportJson, type Report } from "../../report/report-json";
import { writeReports } from "../../report/write-reports";
import type { ResultRow } from "../../runner/result";
import { planTasks, runMatrix, type RowResult, type Shard } from "../../runner/run-matrix";
import { resolveImplementations } from "../implementations";
import { Progress } from "../progress";
import { selectScenarios, UsageError } from "../select-scenarios";

export interface RunRequest {
  implementations: string[];
  drivers: Array<{ name: string; command: string }>;
  suites: string[];
  scenarios: string[];
  platforms: string[];
  out: string;
  expectFiles: string[];
  multiplier?: number;
  jobs: number;
  shard?: Shard;
  log: (line: string) => void;
}

export interface RunOutcome {
  report: Report;
  files: Record<string, string>;
  unexpectedFailures: ResultRow[];
  unexpectedPasses: ResultRow[];
  harnessErrors: string[];
  exitCode: 0 | 1 | 2;
  /** The --driver commands, so that rerun commands can name them. */
  drivers: Array<{ name: string; command: string }>;
}

/** Platforms this command can run on from here; containers and BSD come with their own issue. */
const RUNNABLE_PLATFORMS = ["host"];

/**
 * run and gate: runs the selected cells, compares each row with the expectations, writes the
 * reports (partial ones while running, so a crash or Ctrl-C still leaves one) and returns the
 * exit code of the contract: 0 nothing unexpected, 1 unexpected results, 2 harness/driver/environment.
 */
export async function executeRun(catalogue: readonly Scenario[], request: RunRequest): Promise<RunOutcome> {
  const scenarios = selectScenarios(catalogue, request.suites, request.scenarios);
  for (const platform of request.platforms) {
    if (!RUNNABLE_PLATFORMS.includes(platform)) {
      throw new UsageError(`platform "${platform}" cannot be run from here (available: ${RUNNABLE_PLATFORMS.join(", ")})`);
    }
  }
  // Expectations are read before anything runs: a broken file is an environment error, not a surprise at the end.
  const overrides = request.expectFiles.map((file) => {
    const set = loadExpectationFile(file);
    checkAgainstCatalogue(set, catalogue);
    return set;
  });

  const resolved = await resolveImplementations(request.implementations, request.drivers, request.multiplier);
  const sets = new Map<string, ExpectationSet>();
  for (const impl of resolved.usable) sets.set(impl.id, shippedExpectations(impl.id));
  for (const set of overrides) sets.set(set.implementation, set);

  const out = path.resolve(request.out);
  const platformId = request.platforms[0] ?? "host";
  const platform = platformIpc();
  const rows: ResultRow[] = [];
  const infos = [...resolved.usable, ...resolved.broken.map((b) => ({ id: b.id, name: `${b.id} (could not start)`, version: "unknown" }))];
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const complete = (row: RowResult): ResultRow => {
    const expected = expectedFor(
      { scenario: byId.get(row.scenario)!, platformId, platformName: platform.name, implementation: row.implementation, binder: row.binder, connecter: row.connecter },
      sets,
    );
    return { ...row, expected: expected.outcomes };
  };

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

  const writePartial = () => writeReportJson(out, buildReport(infos, rows, true));
  const interrupted = () => {
    writePartial();
    process.stderr.write(`\ninterrupted: partial report in ${out}\n`);
    process.exit(2);
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);

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
    await resolved.dispose();
  }

  const report = buildReport(infos, rows, false);
  if (resolved.notAvailable.length > 0) report.notes = resolved.notAvailable.map((line) => `not run: ${line}`);
  for (const line of resolved.notAvailable) request.log(`not run: ${line}`);
  const files = writeReports(out, report);
  const unexpected = rows.filter((row) => !row.expected.includes(row.outcome));
  const unexpectedPasses = unexpected.filter((row) => row.outcome === "pass");
  const unexpectedFailures = unexpected.filter((row) => row.outcome !== "pass");
  for (const row of unexpectedFailures.filter((r) => r.outcome === "error")) harnessErrors.push(`${row.scenario}: ${row.observed.summary.split("\n")[0]}`);
  const exitCode = harnessErrors.length > 0 ? 2 : unexpected.length > 0 ? 1 : 0;
  return { report, files: { ...files }, unexpectedFailures, unexpectedPasses, harnessErrors, exitCode, drivers: request.drivers };
}
