import * as path from "node:path";
import { platformLimits } from "../../model/platform-limits";
import type { ExpectationSet } from "../../expectations/expectations";
import { expectationSets, rowCompleter } from "../../expectations/judge-rows";
import { isUnexpected } from "../../model/outcome";
import type { Scenario } from "../../model/scenario";
import { describePlatform } from "../../platforms/platform-facts";
import { buildReport, writeReportJson, type Report } from "../../report/report-json";
import { recordInvocation } from "./run-record";
import type { ResultRow } from "../../runner/result";
import { planTasks, runMatrix } from "../../runner/run-matrix";
import { endLeftoverProcesses, processesNow } from "../../runner/leftover-processes";
import { timeoutMultiplier } from "../../runner/limits";
import { resolveImplementations } from "../implementations";
import { plural } from "../plural";
import { Progress } from "../progress";
import type { PlatformRun } from "../../platforms/platform-run";
import type { RunRequest } from "../../runner/run-request";
import type { AgentMachine } from "../../platforms/site-agent/agent-machine";

/** The platform being run, as far as it got: what an interrupted or crashed run still writes. */
export interface LiveRun {
  current?: () => Report;
}

/**
 * Runs the scenarios in this process on this machine (the host, or inside a platform's
 * container), writing partial report.json to `out` while it runs so that even a kill leaves one
 * (an interruption writes all four: see executeRun). Returns the report without writing the
 * final files.
 *
 * An implementation that cannot start stops the run before any scenario: one problem naming the
 * driver, its command, what happened and its stderr, instead of a row of `error` per cell.
 */
export async function runHere(
  scenarios: readonly Scenario[],
  request: RunRequest,
  platformId: string,
  overrides: readonly ExpectationSet[],
  out: string,
  live: LiveRun = {},
  /** The machine the implementations run on, when it is not this one (run-remote.ts). */
  machine?: AgentMachine,
): Promise<PlatformRun> {
  const processesBefore = processesNow();
  const resolved = await resolveImplementations(request.implementations, request.drivers, request.multiplier, machine);
  const facts = machine?.facts() ?? describePlatform(platformId);
  const infos = [...resolved.usable, ...resolved.broken.map((b) => ({ id: b.id, name: `${b.id} (could not start)`, version: "unknown" }))];
  const reportOf = (rows: ResultRow[], partial: boolean): Report =>
    recordInvocation({ ...buildReport(infos, rows, partial), platforms: [facts] }, request, overrides);

  if (resolved.broken.length > 0) {
    await resolved.dispose();
    const problems = resolved.broken.map((b) => b.problem);
    return { report: { ...reportOf([], false), notes: problems }, harnessErrors: problems };
  }

  const sets = expectationSets(
    resolved.usable.map((impl) => impl.id),
    overrides,
  );
  const platform = platformLimits(machine?.os);
  const rows: ResultRow[] = [];
  const complete = rowCompleter(scenarios, sets, platformId, platform, machine !== undefined);
  const writePartial = () => writeReportJson(out, reportOf(rows, true));
  live.current = () => reportOf(rows, true);

  const total = planTasks(scenarios, resolved.usable, request.shard).length;
  request.log(
    `running ${cells(total)} (${plural(scenarios.length, "scenario")}) on ${platformId} against ${resolved.usable.map((i) => `${i.id} ${i.version}`).join(", ") || "nothing"}` +
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
        repeat: request.repeat,
        trace: request.trace,
        shard: request.shard,
        remote: machine,
        onResult: (partialRow) => {
          const row = complete(partialRow);
          rows.push(row);
          progress.result(row, isUnexpected(row));
          if (Date.now() - lastWrite > 2000) {
            writePartial();
            lastWrite = Date.now();
          }
        },
      });
    }
  } finally {
    progress.finish();
    live.current = undefined;
    await resolved.dispose();
  }
  // Scenarios running side by side (--jobs) cannot each be blamed for what is left running, and a
  // driver's helpers may outlive it: whatever the run started and did not end is ended here.
  const leftover = await endLeftoverProcesses(processesBefore, [], request.multiplier ?? timeoutMultiplier());
  const harnessErrors = leftover === undefined ? [] : [`after the run: ${leftover}`];

  const report = reportOf(rows, false);
  const notes = [...resolved.notAvailable.map((line) => `not run: ${line}`), ...harnessErrors];
  if (notes.length > 0) report.notes = notes;
  for (const line of resolved.notAvailable) request.log(`not run: ${line}`);
  return { report, harnessErrors };
}

const cells = (count: number) => plural(count, "cell");

/** Where a platform's own reports go inside a multi-platform run's output directory. */
export function platformOut(out: string, platformId: string): string {
  return path.join(out, "platforms", platformId);
}
