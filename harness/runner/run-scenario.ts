import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { PlatformIpc } from "../model/platform-limits";
import { containerPlatformList } from "../model/container-platform";
import { ImplementationError, ImplementationFault, type Implementation } from "../model/implementation";
import type { Level, Scenario } from "../model/scenario";
import type { Outcome } from "../model/outcome";
import { defaultOutcome, MISSED_AT_LEVEL } from "../model/level-outcomes";
import type { ContainerSites } from "../model/sites";
import { onlyOnHarnessMachine, type RemoteMachine } from "../model/remote-machine";
import type { ScenarioContext } from "../model/scenario-context";
import type { Transcript } from "../model/transcript";
import { RunnerContext } from "./context";
import { TranscriptLog } from "./scenario-context/transcript-log";
import { removeTree } from "./file-tree";
import { SCENARIO_LIMIT_MS } from "./limits";
import { endLeftoverProcesses, processesNow } from "./leftover-processes";
import type { ObservedRow } from "./result";
import { ScenarioTimeout, Skipped, Unsupported, Violation } from "./verdicts";

export interface Roles {
  readonly binder: Implementation;
  readonly connecter: Implementation;
}

export interface RunSettings {
  /** The platform id in the report ("host", "linux-debian12", ...). */
  readonly platformId: string;
  readonly platform: PlatformIpc;
  readonly multiplier: number;
  /** Containers for "separate-containers" scenarios (container platforms only). */
  readonly sites?: ContainerSites;
  /**
   * Nothing else runs in this process meanwhile (runMatrix with one job, or an exclusive
   * scenario): every process that appears during the scenario and is still running after its
   * cleanup is its own leftover, which is killed and makes the row `error`, naming it (a
   * `timeout` stays one, with the leftover named in its summary).
   */
  readonly aloneInProcess?: boolean;
  /** Record the cell's wire conversations into the row's transcript (not on a remote machine: the recording relay binds here). */
  readonly trace?: boolean;
  /** The machine the implementations run on, when it is not this one: the scenario's directory is made there. */
  readonly remote?: RemoteMachine;
}

/**
 * The directories of scenarios still running. A run that ends in the middle of one (Ctrl-C, a
 * crash: run-here exits at once) removes them on its way out, as the scenario would have.
 */
const LIVE_DIRECTORIES = new Set<string>();
process.once("exit", () => {
  for (const dir of LIVE_DIRECTORIES) {
    removeTree(dir); // exiting anyway: what it cannot remove stays
  }
});

type RowOf = (outcome: Outcome, summary: string, ctx?: ScenarioContext) => ObservedRow;

/**
 * Runs one scenario once: its own temporary directory, a hard limit, and cleanup whatever
 * happens. Never throws: every fault becomes an outcome in the returned row, the harness's own
 * included (runMatrix waits for every row: a rejection here would hang the run or crash it).
 */
export async function runScenario(scenario: Scenario, roles: Roles, settings: RunSettings): Promise<ObservedRow> {
  const started = performance.now();
  const row: RowOf = (outcome, summary, ctx) => ({
    scenario: scenario.id,
    suite: scenario.suite,
    clause: scenario.clause,
    level: scenario.level,
    title: scenario.title,
    ...(scenario.roles === "pair" ? { binder: roles.binder.id, connecter: roles.connecter.id } : { implementation: roles.binder.id }),
    platform: settings.platformId,
    outcome,
    observed: { summary, checks: ctx?.checks ?? [], values: ctx?.observations ?? {} },
    durationMs: Math.round(performance.now() - started),
  });
  try {
    return await runGuarded(scenario, roles, settings, row);
  } catch (err) {
    // The harness's own fault around the scenario: its directory could not be made (TMPDIR
    // missing, full or unwritable) or removed, say.
    return row("error", `harness error: ${(err as Error)?.message ?? String(err)}`);
  }
}

async function runGuarded(scenario: Scenario, roles: Roles, settings: RunSettings, row: RowOf): Promise<ObservedRow> {
  if (scenario.platforms !== undefined && !scenario.platforms.includes(settings.platform.name)) {
    return row("skipped", `applies to ${scenario.platforms.join(", ")} only; this platform is ${settings.platform.name}`);
  }
  for (const capability of scenario.requires ?? []) {
    for (const implementation of new Set([roles.binder, roles.connecter])) {
      if (!implementation.capabilities.includes(capability)) {
        return row("unsupported", `${implementation.id} does not declare the capability "${capability}"`);
      }
    }
  }

  if (scenario.needs?.includes("harness-machine") && settings.remote !== undefined) {
    return row("skipped", onlyOnHarnessMachine(settings.remote, "this scenario (a second process, a raw listener, the umask, /proc or kernel buffers)"));
  }
  if (scenario.needs?.includes("separate-containers") && settings.sites === undefined) {
    return row("skipped", `needs separate containers: runs only on a container platform (--platform ${containerPlatformList()})`);
  }
  const remote = settings.remote;
  // On a shared volume, the containers' non-root user must be able to bind in the directory.
  const dir = remote !== undefined ? await remote.makeScenarioDirectory() : fs.mkdtempSync(path.join(settings.sites?.sharedDir ?? os.tmpdir(), "zic-"));
  if (remote === undefined) LIVE_DIRECTORIES.add(dir);
  if (settings.sites !== undefined) fs.chmodSync(dir, 0o777);
  const ctx = new RunnerContext({
    dir,
    binder: roles.binder,
    connecter: roles.connecter,
    platform: settings.platform,
    multiplier: settings.multiplier,
    exclusive: scenario.exclusive === true,
    sites: settings.sites,
    remote,
    transcript: settings.trace && remote === undefined ? new TranscriptLog() : undefined,
  });
  const limit = Math.round((scenario.timeoutMs ?? SCENARIO_LIMIT_MS) * settings.multiplier);
  const before = settings.aloneInProcess ? processesNow() : undefined;
  let timer: NodeJS.Timeout | undefined;
  let result: ObservedRow;
  let removed: boolean;
  try {
    await Promise.race([
      scenario.run(ctx),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ScenarioTimeout(`no verdict within ${limit} ms`)), limit);
      }),
    ]);
    const outcome = defaultOutcome(scenario.level);
    result = row(outcome, outcome === "pass" ? "every check held" : "recorded", ctx);
  } catch (err) {
    const [outcome, summary] = classify(err, scenario.level);
    result = row(outcome, summary, ctx);
  } finally {
    clearTimeout(timer);
    await ctx.dispose().catch(() => undefined);
    removed =
      remote !== undefined
        ? await remote.files.remove(dir).then(
            () => true,
            () => false,
          )
        : removeTree(dir);
    if (removed) LIVE_DIRECTORIES.delete(dir);
  }
  // After the cleanup: the connections it closed, and what they left incomplete, are in the transcript too.
  result = { ...result, ...transcriptOf(ctx.transcript) };
  const leftovers = [
    before === undefined ? undefined : await endLeftoverProcesses(before, [roles.binder, roles.connecter], settings.multiplier),
    removed ? undefined : `its directory ${dir} could not be removed`,
  ].filter((what): what is string => what !== undefined);
  if (leftovers.length === 0) return result;
  const leftover = leftovers.join("; ");
  // Cut off at its limit, a scenario may still be waiting on a helper: the timeout is the verdict.
  if (result.outcome === "timeout") return { ...result, observed: { ...result.observed, summary: `${result.observed.summary}; ${leftover}` } };
  return {
    ...result,
    outcome: "error",
    observed: { ...result.observed, summary: `${leftover}; the scenario itself: ${result.outcome} (${result.observed.summary.split("\n")[0]})` },
  };
}

function transcriptOf(log: TranscriptLog | undefined): { transcript?: Transcript } {
  if (log === undefined) return {};
  const omitted = log.omitted();
  return { transcript: { recorded: "run", connections: log.connections(), ...(omitted === undefined ? {} : { omitted }) } };
}

function classify(err: unknown, level: Level): [Outcome, string] {
  if (err instanceof Violation) return [MISSED_AT_LEVEL[level], err.message];
  if (err instanceof Unsupported) return ["unsupported", err.message];
  if (err instanceof Skipped) return ["skipped", err.message];
  if (err instanceof ScenarioTimeout) return ["timeout", err.message];
  // A call the implementation refused where the scenario expected it to work.
  if (err instanceof ImplementationError) return [MISSED_AT_LEVEL[level], `unexpected error from the implementation: ${err.message}`];
  // A driver that broke the protocol: its fault, reported with its stderr, never the implementation's verdict.
  if (err instanceof ImplementationFault) return ["error", err.message];
  return ["error", `harness error: ${(err as Error)?.stack ?? String(err)}`];
}
