import { checkAgainstCatalogue, ExpectationFileError, loadExpectationFile, type ExpectationSet } from "../../expectations/expectations";
import { runsInPlace, type Scenario } from "../../model/scenario";
import { runContainerPlatform } from "../../platforms/container-platform";
import { PLATFORM_TARGETS, planPlatform, type PlatformPlan } from "../../platforms/targets";
import { mergeReports } from "../../report/merge-reports";
import { buildReport, type PlatformEntry, type Report } from "../../report/report-json";
import { writeReports } from "../../report/write-reports";
import type { ResultRow } from "../../runner/result";
import type { Shard } from "../../runner/run-matrix";
import { checkImplementationRequest, requestedIds } from "../implementations";
import { usableOutDirectory } from "../out-directory";
import { selectScenarios, UsageError } from "../select-scenarios";
import { platformOut, runHere, type PlatformRun } from "./run-here";

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

/**
 * run and gate: runs the selected cells on each platform asked for, compares each row with the
 * expectations, writes the reports and returns the exit code of the contract: 0 nothing
 * unexpected, 1 unexpected results, 2 harness/driver/environment (a platform that could not run
 * included: it is reported "not-run" with its reason, never as passed).
 * One platform here: its reports go to `out`. Several: each platform's own reports go to
 * out/platforms/<id>/ and the merged matrix to `out`.
 */
export async function executeRun(catalogue: readonly Scenario[], request: RunRequest): Promise<RunOutcome> {
  const scenarios = selectScenarios(catalogue, request.suites, request.scenarios);
  const plans = [...new Set(request.platforms)].map((id): PlatformPlan => {
    const plan = planPlatform(id);
    if (plan === undefined) throw new UsageError(`unknown platform "${id}" (known: ${PLATFORM_TARGETS.map((t) => t.id).join(", ")})`);
    return plan;
  });
  checkImplementationRequest(request.implementations, request.drivers);
  // Expectations are read before anything runs: a broken file is an environment error, not a surprise at the end.
  const overrides = request.expectFiles.map((file) => {
    const set = loadExpectationFile(file);
    checkAgainstCatalogue(set, catalogue);
    return set;
  });
  checkExpectationOwners(overrides, requestedIds(request.implementations, request.drivers));
  const out = usableOutDirectory("--out", request.out);
  // Scenarios about separate containers run from the host for container platforms only.
  const inPlace = scenarios.filter(runsInPlace);
  const acrossContainers = scenarios.filter((s) => !runsInPlace(s));

  const runs: PlatformRun[] = [];
  const notRun: PlatformEntry[] = [];
  const harnessErrors: string[] = [];
  const single = plans.length === 1 && plans[0].where === "here";
  for (const plan of plans) {
    if (plan.where === "here") {
      if (acrossContainers.length > 0 && !plans.some((p) => p.where === "container") && plan.id === "host") request.log(`${plan.id}: ${acrossContainers.length} scenarios need separate containers and run on container platforms only`);
      runs.push(await runHere(inPlace, request, plan.id, overrides, single ? out : platformOut(out, plan.id)));
    } else if (plan.where === "container") {
      const run = await runContainerPlatform(plan.target, inPlace, acrossContainers, request, overrides, platformOut(out, plan.id));
      if ("unavailable" in run) notRun.push({ id: plan.id, os: "linux", status: "not-run", reason: run.unavailable });
      else runs.push(run);
    } else {
      notRun.push({ id: plan.id, os: plan.id, status: "not-run", reason: plan.reason });
    }
  }
  for (const entry of notRun) harnessErrors.push(`platform ${entry.id} not run: ${entry.reason}`);
  for (const run of runs) harnessErrors.push(...run.harnessErrors);

  const report = combine(runs.map((run) => run.report), notRun);
  const files = writeReports(out, report);
  if (!single) for (const run of runs) writeReports(platformOut(out, run.report.platforms?.[0]?.id ?? "unknown"), run.report);
  const unexpected = report.results.filter((row) => !row.expected.includes(row.outcome));
  const unexpectedPasses = unexpected.filter((row) => row.outcome === "pass");
  const unexpectedFailures = unexpected.filter((row) => row.outcome !== "pass");
  for (const row of unexpectedFailures.filter((r) => r.outcome === "error")) harnessErrors.push(`${row.scenario}${single ? "" : ` [${row.platform}]`}: ${row.observed.summary.split("\n")[0]}`);
  const exitCode = harnessErrors.length > 0 ? 2 : unexpected.length > 0 ? 1 : 0;
  return { report, files: { ...files }, unexpectedFailures, unexpectedPasses, harnessErrors, exitCode, drivers: request.drivers };
}

/**
 * Each --expect file must be for an implementation of this run, and only one per implementation:
 * a file whose "implementation" is misspelt, or a second file for the same one, used to be
 * ignored without a word, and the gate then failed on results the user had marked as expected.
 */
function checkExpectationOwners(sets: readonly ExpectationSet[], ids: readonly string[]): void {
  for (const [index, set] of sets.entries()) {
    const file = set.file ?? set.implementation;
    if (!ids.includes(set.implementation)) {
      throw new ExpectationFileError(file, undefined, `is for "${set.implementation}", which this run does not include (it runs: ${ids.join(", ") || "nothing"})`);
    }
    const earlier = sets.slice(0, index).find((other) => other.implementation === set.implementation);
    if (earlier !== undefined) throw new ExpectationFileError(file, undefined, `is a second --expect file for "${set.implementation}" (the first: ${earlier.file})`);
  }
}

/** One report: a single platform's as it is, several merged, with the platforms that could not run listed as such. */
function combine(reports: Report[], notRun: PlatformEntry[]): Report {
  const report = reports.length === 0 ? buildReport([], [], false) : reports.length === 1 ? reports[0] : mergeReports(reports);
  if (notRun.length > 0) report.platforms = [...(report.platforms ?? []), ...notRun];
  return report;
}
