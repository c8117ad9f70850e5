import { platformLimits, type PlatformIpc } from "../model/platform-limits";
import type { Implementation } from "../model/implementation";
import type { Scenario } from "../model/scenario";
import type { ContainerSites } from "../model/sites";
import type { RemoteMachine } from "../model/remote-machine";
import { timeoutMultiplier } from "./limits";
import type { ObservedRow } from "./result";
import { combineRepeats } from "./repeat";
import { runScenario, type Roles, type RunSettings } from "./run-scenario";
import type { Outcome } from "../model/outcome";
import type { TraceMode } from "../model/transcript";

/** One cell of the matrix: a scenario with the implementation(s) playing its roles. */
export interface Task {
  readonly scenario: Scenario;
  readonly roles: Roles;
  /** Stable key: the same for the same cell in every run (sharding relies on it). */
  readonly key: string;
}

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export interface MatrixOptions {
  readonly implementations: readonly Implementation[];
  readonly platformId?: string;
  readonly platform?: PlatformIpc;
  readonly multiplier?: number;
  /** Scenarios run at once (exclusive ones always alone). Default 1. */
  readonly jobs?: number;
  readonly shard?: Shard;
  /** Containers for "separate-containers" scenarios (container platforms only). */
  readonly sites?: ContainerSites;
  /** The machine the implementations run on, when it is not this one (runScenario's settings). */
  readonly remote?: RemoteMachine;
  /** Each cell is run this many times, one after the other, and reported as one row (default 1). */
  readonly repeat?: number;
  /** Record transcripts: of every cell, or of cells that did not pass (in one more run). Default: none. */
  readonly trace?: TraceMode;
  /** Called with each row as soon as it is known (progress output, partial reports). */
  readonly onResult?: (row: ObservedRow, task: Task) => void;
}

/** The runs a scenario needs: once per implementation, or once per binder x connecter pair. */
export function expandRoles(scenario: Scenario, implementations: readonly Implementation[]): Roles[] {
  if (scenario.roles === "single") return implementations.map((impl) => ({ binder: impl, connecter: impl }));
  return implementations.flatMap((binder) => implementations.map((connecter) => ({ binder, connecter })));
}

/** Every cell, in catalogue order, then cut to one shard: every n-th cell, so shards are balanced and their union is the whole. */
export function planTasks(scenarios: readonly Scenario[], implementations: readonly Implementation[], shard?: Shard): Task[] {
  const tasks = scenarios.flatMap((scenario) =>
    expandRoles(scenario, implementations).map((roles) => ({
      scenario,
      roles,
      key: scenario.roles === "pair" ? `${scenario.id}[${roles.binder.id}->${roles.connecter.id}]` : `${scenario.id}[${roles.binder.id}]`,
    })),
  );
  if (shard === undefined) return tasks;
  return tasks.filter((_, index) => index % shard.count === shard.index - 1);
}

/**
 * Runs the cells with up to `jobs` at once. A scenario marked exclusive (it changes the
 * environment or the working directory of this process) waits for the others and runs alone.
 * Rows come back in plan order whatever the order they finished in.
 */
export async function runMatrix(scenarios: readonly Scenario[], options: MatrixOptions): Promise<ObservedRow[]> {
  const settings = {
    platformId: options.platformId ?? "host",
    platform: options.platform ?? platformLimits(),
    multiplier: options.multiplier ?? timeoutMultiplier(),
    sites: options.sites,
    remote: options.remote,
  };
  const tasks = planTasks(scenarios, options.implementations, options.shard);
  const jobs = Math.max(1, options.jobs ?? 1);
  const rows: ObservedRow[] = new Array(tasks.length);
  let next = 0;
  let running = 0;
  let exclusiveRunning = false;

  await new Promise<void>((resolve) => {
    const pump = () => {
      if (next >= tasks.length && running === 0) return resolve();
      while (next < tasks.length && running < jobs && !exclusiveRunning) {
        const task = tasks[next];
        const exclusive = task.scenario.exclusive === true;
        if (exclusive && running > 0) break; // wait for the others to finish first
        const index = next++;
        running++;
        exclusiveRunning = exclusive;
        // Alone: no other scenario can have started what is left running when it ends.
        void runRepeated(task, { ...settings, aloneInProcess: jobs === 1 || exclusive }, options.repeat ?? 1, options.trace).then((row) => {
          rows[index] = row;
          running--;
          if (exclusive) exclusiveRunning = false;
          options.onResult?.(row, task);
          pump();
        });
      }
    };
    pump();
  });
  return rows;
}

/** Outcomes `--trace failed` re-runs a cell for: the implementation missed something, or the run broke off. */
export const TRACED_WHEN_FAILED: readonly Outcome[] = ["fail", "non-strict", "timeout", "error"];

/**
 * A cell's runs one after the other, in the cell's own slot (so --jobs keeps its meaning), as one
 * row. With `--trace failed`, a cell that did not pass runs once more with recording, and that
 * run's transcript is attached to the row, marked as a re-run (the row keeps its own outcome).
 */
async function runRepeated(task: Task, settings: RunSettings, times: number, trace: TraceMode | undefined): Promise<ObservedRow> {
  const runs: ObservedRow[] = [];
  for (let i = 0; i < times; i++) runs.push(await runScenario(task.scenario, task.roles, { ...settings, trace: trace === "all" }));
  const row = combineRepeats(runs);
  if (trace !== "failed" || !TRACED_WHEN_FAILED.includes(row.outcome)) return row;
  const rerun = await runScenario(task.scenario, task.roles, { ...settings, trace: true });
  if (rerun.transcript === undefined) return row;
  return { ...row, transcript: { ...rerun.transcript, recorded: "rerun", rerunOutcome: rerun.outcome } };
}
