import { platformLimits } from "../model/platform-limits";
import type { Implementation } from "../model/implementation";
import { driverLimits } from "../driver/driver-implementation";
import { projectRoot, shippedDrivers } from "../driver/shipped-drivers";
import type { ExpectationSet } from "../expectations/expectations";
import type { Scenario } from "../model/scenario";
import { buildReport, type Report } from "../report/report-json";
import type { ResultRow } from "../runner/result";
import { runMatrix } from "../runner/run-matrix";
import { timeoutMultiplier } from "../runner/limits";
import { expectationSets, rowCompleter } from "../expectations/judge-rows";
import type { RunRequest } from "../runner/run-request";
import type { PlatformRun } from "./platform-run";
import { EngineUnavailable, removeOrphans, requireEngine, requireImage } from "./container-engine";
import { runCliInContainer } from "./container-run";
import { DockerSites } from "./container-sites";
import type { PlatformTarget } from "./targets";

/** What a container platform runs: the scenarios each way, and the ids of the implementations asked for ("all" spelled out). */
export interface ContainerPlatformWork {
  readonly inPlace: readonly Scenario[];
  readonly acrossContainers: readonly Scenario[];
  readonly implementationIds: readonly string[];
}

/** A whole platform run (every cell plus the cross-container ones) may take this long before the multiplier. */
const PLATFORM_LIMIT_MS = 45 * 60_000;

/**
 * One container platform: the CLI runs the in-place scenarios inside a container of the
 * platform's image, then this process runs the "separate-containers" scenarios against two or
 * three containers of that image, and the rows of both make the platform's report.
 * Returns undefined (with the reason in `unavailable`) when the engine or the image is missing.
 */
export async function runContainerPlatform(
  target: Extract<PlatformTarget, { kind: "container" }>,
  work: ContainerPlatformWork,
  request: RunRequest,
  overrides: readonly ExpectationSet[],
  keepIn: string,
): Promise<PlatformRun | { unavailable: string }> {
  try {
    await requireEngine();
    await requireImage(target.image, target.build);
    const removed = await removeOrphans();
    if (removed.length > 0) request.log(`removed ${removed.length} container(s) a killed run left behind: ${removed.join(", ")}`);
  } catch (err) {
    if (err instanceof EngineUnavailable) return { unavailable: err.message };
    throw err;
  }
  const { inPlace, acrossContainers } = work;
  const multiplier = request.multiplier ?? timeoutMultiplier();
  const harnessErrors: string[] = [];
  let report: Report;
  if (inPlace.length > 0) {
    request.log(`${target.id}: running inside ${target.image}`);
    const inside = await runCliInContainer({
      target,
      projectRoot: projectRoot(),
      request,
      keepIn,
      limitMs: PLATFORM_LIMIT_MS * multiplier,
      log: request.log,
    });
    if (inside.problem) harnessErrors.push(`${target.id}: ${inside.problem}`);
    // Broken drivers or error rows inside come back as exit code 2.
    if (inside.exitCode === 2) harnessErrors.push(`${target.id}: the run inside reported harness, driver or environment errors (see ${keepIn}/run.log)`);
    if (inside.report === undefined) return { report: emptyReport(target.id, "no report came out of the container"), harnessErrors };
    report = inside.report;
  } else {
    report = emptyReport(target.id);
    report.implementations = work.implementationIds.map((id) => ({ id, name: id, version: "not recorded (only cross-container scenarios ran)" }));
  }

  if (acrossContainers.length > 0) {
    const ids = report.implementations.filter((impl) => !impl.name.endsWith("(could not start)")).map((impl) => impl.id);
    const rows = await runAcrossContainers(target, acrossContainers, ids, request, overrides, multiplier);
    report.results.push(...rows);
  }
  return { report, harnessErrors };
}

function emptyReport(platformId: string, reason?: string): Report {
  return {
    ...buildReport([], [], reason !== undefined),
    platforms: [{ id: platformId, os: "linux", status: reason === undefined ? "run" : "not-run", ...(reason ? { reason } : {}) }],
  };
}

/** The "separate-containers" scenarios, from this process, with the implementations the run inside used. */
async function runAcrossContainers(
  target: Extract<PlatformTarget, { kind: "container" }>,
  scenarios: readonly Scenario[],
  ids: readonly string[],
  request: RunRequest,
  overrides: readonly ExpectationSet[],
  multiplier: number,
): Promise<ResultRow[]> {
  const commands = new Map<string, string>([
    ...shippedDrivers().map((d) => [d.id, d.command] as const),
    ...request.drivers.map((d) => [d.name, d.command] as const),
  ]);
  // Placeholders that name the implementations: the real ones start inside the containers (ctx.inContainer).
  const placeholders = ids.map((id): Implementation => ({
    id,
    name: id,
    version: "in the container",
    capabilities: [],
    createSocket: () => Promise.reject(new Error(`${id} runs in a container: use ctx.inContainer()`)),
  }));
  const platform = platformLimits("linux");
  const complete = rowCompleter(scenarios, expectationSets(ids, overrides), target.id, platform);
  request.log(`${target.id}: ${scenarios.length} scenarios across containers of ${target.image}`);
  const sites = await DockerSites.open(target, projectRoot(), commands, driverLimits(multiplier));
  try {
    const rows = await runMatrix(scenarios, {
      implementations: placeholders,
      platformId: target.id,
      platform,
      multiplier,
      jobs: 1,
      repeat: request.repeat,
      shard: request.shard,
      sites,
    });
    return rows.map(complete);
  } finally {
    await sites.close();
  }
}
