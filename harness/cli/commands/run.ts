import { missingPackageMessage, optionalPackageInstalled } from "../../model/optional-packages";
import { checkAgainstCatalogue, ExpectationFileError, loadExpectationFile, type ExpectationSet } from "../../expectations/expectations";
import { runsInPlace, type Scenario } from "../../model/scenario";
import { runContainerPlatform } from "../../platforms/container-platform";
import { runRuntimePlatform } from "../../platforms/runtime-platform";
import { PLATFORM_TARGETS, planPlatform, type PlatformPlan } from "../../platforms/targets";
import { mergeReports } from "../../report/merge-reports";
import { buildReport, type PlatformEntry, type Report } from "../../report/report-json";
import { gateVerdict } from "../../report/gate-verdict";
import { writeReports } from "../../report/write-reports";
import { endLeftoverProcesses, processesNow } from "../../runner/leftover-processes";
import { timeoutMultiplier } from "../../runner/limits";
import type { ResultRow } from "../../runner/result";
import type { RunRequest } from "../../runner/run-request";
import { checkImplementationRequest, requestedIds } from "../implementations";
import { usableOutDirectory } from "../out-directory";
import { selectScenarios, UsageError } from "../select-scenarios";
import type { PlatformRun } from "../../platforms/platform-run";
import { platformOut, runHere, type LiveRun } from "./run-here";
import { recordInvocation } from "./run-record";
import { runRemotePlatform } from "./run-remote";
import { withRecordedPlatforms } from "./with-recorded";

export interface RunOutcome {
  report: Report;
  files: Record<string, string>;
  unexpectedFailures: ResultRow[];
  unexpectedPasses: ResultRow[];
  harnessErrors: string[];
  exitCode: 0 | 1 | 2;
}

/**
 * run and gate: runs the selected cells on each platform asked for, compares each row with the
 * expectations, writes the reports and returns the exit code of the contract: 0 nothing
 * unexpected, 1 unexpected results, 2 harness/driver/environment (a platform that could not run
 * included: it is reported "not-run" with its reason, never as passed).
 * One platform here: its reports go to `out`. Several: each platform's own reports go to
 * out/platforms/<id>/ and the merged matrix to `out`.
 * Interrupted (Ctrl-C, SIGTERM) or crashed, it still writes all four reports of what finished,
 * marked partial, and exits 2.
 */
export async function executeRun(catalogue: readonly Scenario[], request: RunRequest): Promise<RunOutcome> {
  const scenarios = selectScenarios(catalogue, request.suites, request.scenarios);
  const plans = [...new Set(request.platforms)].map((id): PlatformPlan => {
    const plan = planPlatform(id);
    if (plan === undefined) throw new UsageError(`unknown platform "${id}" (known: ${PLATFORM_TARGETS.map((t) => t.id).join(", ")})`);
    return plan;
  });
  checkImplementationRequest(request.implementations, request.drivers);
  // A container platform drives the engine through testcontainers, an optional package.
  const container = plans.find((plan) => plan.where === "container");
  if (container !== undefined && !optionalPackageInstalled("testcontainers"))
    throw new UsageError(missingPackageMessage("testcontainers", `--platform ${container.id}`));
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
  const single = plans.length === 1 && plans[0].where === "here";
  const live: LiveRun = {};
  const finish = (report: Report) => recordInvocation(report, request, overrides);
  const stopEarly = endEarlyHandlers(() => {
    const partial = combine([...runs.map((run) => run.report), ...(live.current ? [live.current()] : [])], notRun);
    return finish({ ...partial, environment: { ...partial.environment, partial: true } });
  }, out);
  try {
    for (const plan of plans) {
      if (plan.where === "here") {
        if (acrossContainers.length > 0 && !plans.some((p) => p.where === "container") && plan.id === "host")
          request.log(`${plan.id}: ${acrossContainers.length} scenarios need separate containers and run on container platforms only`);
        runs.push(await runHere(inPlace, request, plan.id, overrides, single ? out : platformOut(out, plan.id), live));
      } else if (plan.where === "container") {
        const run = await runContainerPlatform(
          plan.target,
          { inPlace, acrossContainers, implementationIds: requestedIds(request.implementations, request.drivers) },
          request,
          overrides,
          platformOut(out, plan.id),
        );
        if ("unavailable" in run) notRun.push({ id: plan.id, os: "linux", status: "not-run", reason: run.unavailable });
        else runs.push(run);
      } else if (plan.where === "remote") {
        const run = await runRemotePlatform(plan.target, inPlace, request, overrides, single ? out : platformOut(out, plan.id), live);
        if ("unavailable" in run) notRun.push({ id: plan.id, os: "unknown", status: "not-run", reason: run.unavailable });
        else runs.push(run);
      } else if (plan.where === "runtime") {
        const run = await runRuntimePlatform(plan.target, request, platformOut(out, plan.id));
        if ("unavailable" in run) notRun.push({ id: plan.id, os: process.platform, status: "not-run", reason: run.unavailable });
        else runs.push(run);
      } else {
        notRun.push({ id: plan.id, os: plan.id, status: "not-run", reason: plan.reason });
      }
    }
  } finally {
    stopEarly.remove();
  }

  const combined = combine(
    runs.map((run) => run.report),
    notRun,
  );
  const report = finish(request.withRecorded === true ? withRecordedPlatforms(combined, catalogue, request.log) : combined);
  const files = writeReports(out, report);
  if (!single) for (const run of runs) writeReports(platformOut(out, run.report.platforms?.[0]?.id ?? "unknown"), finish(run.report));
  const verdict = gateVerdict(
    report,
    runs.flatMap((run) => run.harnessErrors),
  );
  return {
    report,
    files: { ...files },
    unexpectedFailures: verdict.unexpectedFailures,
    unexpectedPasses: verdict.unexpectedPasses,
    harnessErrors: verdict.problems,
    exitCode: verdict.exitCode,
  };
}

/**
 * Ctrl-C, SIGTERM, or an exception nobody catches (in a scenario's callback, an implementation's):
 * the rows so far are written as all four reports, marked partial (a CI step that posts
 * summary.md still has one), what the run started is ended, and the exit code is 2, as the
 * contract says (not 1, and not a signal's 130). Drivers are also killed on exit (DriverConnection).
 */
function endEarlyHandlers(partialReport: () => Report, out: string): { remove(): void } {
  const processesBefore = processesNow();
  const endEarly = (why: string) => {
    let written = `partial reports in ${out}`;
    try {
      writeReports(out, partialReport());
    } catch (err) {
      written = `the partial reports could not be written: ${(err as Error)?.message ?? String(err)}`;
    }
    // Killed, then waited for (bounded): a process still dying when the CLI has exited would be
    // one the caller finds running. A second Ctrl-C meanwhile ends the CLI at once (Node's default).
    void endLeftoverProcesses(processesBefore, [], timeoutMultiplier()).then((leftover) => {
      process.stderr.write(`\n${why}\n${leftover === undefined ? "" : `${leftover}\n`}${written}\n`);
      process.exit(2);
    });
  };
  const interrupted = (signal: NodeJS.Signals) => endEarly(`interrupted (${signal})`);
  const crashed = (err: unknown) => endEarly(`harness crashed: ${(err as Error)?.stack ?? String(err)}`);
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  process.prependOnceListener("uncaughtException", crashed);
  return {
    remove() {
      process.off("SIGINT", interrupted);
      process.off("SIGTERM", interrupted);
      process.off("uncaughtException", crashed);
    },
  };
}

/**
 * Each --expect file must be for an implementation of this run, and only one per implementation:
 * a file whose "implementation" is misspelt, or a second file for the same one, used to be
 * ignored without a word, and the gate then failed on results the user had marked as expected.
 */
export function checkExpectationOwners(sets: readonly ExpectationSet[], ids: readonly string[]): void {
  for (const [index, set] of sets.entries()) {
    const file = set.file ?? set.implementation;
    if (!ids.includes(set.implementation)) {
      throw new ExpectationFileError(
        file,
        undefined,
        `is for "${set.implementation}", which this run does not include (it runs: ${ids.join(", ") || "nothing"})`,
      );
    }
    const earlier = sets.slice(0, index).find((other) => other.implementation === set.implementation);
    if (earlier !== undefined)
      throw new ExpectationFileError(file, undefined, `is a second --expect file for "${set.implementation}" (the first: ${earlier.file})`);
  }
}

/** One report: a single platform's as it is, several merged, with the platforms that could not run listed as such. */
function combine(reports: Report[], notRun: PlatformEntry[]): Report {
  const report = reports.length === 0 ? buildReport([], [], false) : reports.length === 1 ? reports[0] : mergeReports(reports);
  if (notRun.length > 0) report.platforms = [...(report.platforms ?? []), ...notRun];
  return report;
}
