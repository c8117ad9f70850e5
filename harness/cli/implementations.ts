import * as fs from "node:fs";
import { IN_PROCESS_IMPLEMENTATIONS, IN_PROCESS_PACKAGES } from "../adapters/registry";
import { missingPackageMessage, optionalPackageInstalled } from "../model/optional-packages";
import type { Implementation } from "../model/implementation";
import { DriverFault } from "../driver/driver-connection";
import { DriverImplementation, driverLimits, startDriver } from "../driver/driver-implementation";
import type { AgentMachine } from "../platforms/site-agent/agent-machine";
import { Skipped } from "../runner/verdicts";
import { timeoutMultiplier } from "../runner/limits";
import { driverAvailable, projectRoot, shippedDrivers } from "../driver/shipped-drivers";
import type { ImplementationStart } from "../report/report-json";
import { UsageError } from "./select-scenarios";

/** An implementation that was asked for but could not be started (its rows become `error`). */
export interface BrokenImplementation {
  readonly id: string;
  readonly problem: string;
}

export interface ResolvedImplementations {
  readonly usable: Implementation[];
  readonly broken: BrokenImplementation[];
  /** Shipped drivers left out of a default run because their runtime is not installed. */
  readonly notAvailable: string[];
  /** Ends driver processes. */
  dispose(): Promise<void>;
}

/** `--driver NAME=COMMAND`, repeatable, and a drivers file: {"drivers": {"NAME": "COMMAND"}}. */
export function parseDrivers(flags: string[], driversFile?: string): Array<{ name: string; command: string }> {
  const drivers = flags.map((flag) => {
    const eq = flag.indexOf("=");
    if (eq <= 0 || eq === flag.length - 1) throw new UsageError(`--driver takes NAME=COMMAND, got "${flag}"`);
    return { name: flag.slice(0, eq), command: flag.slice(eq + 1) };
  });
  if (driversFile !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(driversFile, "utf8"));
    } catch (err) {
      const { code, message } = err as NodeJS.ErrnoException;
      throw new UsageError(`drivers file ${driversFile}: ${code !== undefined ? `cannot be read (${code})` : message}`);
    }
    // Checked, not assumed: `null` used to crash with a stack trace, and a string's characters
    // were taken for drivers named "0", "1", ...
    const table = (parsed as { drivers?: unknown } | null)?.drivers;
    if (!isPlainObject(parsed) || !isPlainObject(table)) throw new UsageError(`drivers file ${driversFile}: must be {"drivers": {"NAME": "COMMAND", ...}}`);
    for (const [name, command] of Object.entries(table)) {
      if (typeof command !== "string" || command.trim() === "") throw new UsageError(`drivers file ${driversFile}: "${name}" must map to a command string`);
      drivers.push({ name, command });
    }
  }
  return drivers;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** What `run` uses with no --impl and no --driver: everything known that can run here. */
export const ALL_AVAILABLE = "all";

/** The implementation ids a run asks for ("all" spelled out, shipped drivers included whether installed or not), then the --driver names. */
export function requestedIds(ids: readonly string[], drivers: ReadonlyArray<{ name: string }>): string[] {
  const spelled = ids.includes(ALL_AVAILABLE) ? [...Object.keys(IN_PROCESS_IMPLEMENTATIONS), ...shippedDrivers().map((d) => d.id)] : ids;
  return [...spelled, ...drivers.map((d) => d.name)];
}

/**
 * Refuses a request that names an unknown implementation, or one name twice, before anything
 * is started. (Checked while starting, a mistake found after a driver had started left that
 * driver running.)
 */
export function checkImplementationRequest(ids: readonly string[], drivers: ReadonlyArray<{ name: string }>): void {
  const shipped = shippedDrivers().map((d) => d.id);
  for (const id of ids) {
    if (id === ALL_AVAILABLE || IN_PROCESS_IMPLEMENTATIONS[id] !== undefined || shipped.includes(id)) continue;
    throw new UsageError(
      `unknown implementation "${id}" (in process: ${Object.keys(IN_PROCESS_IMPLEMENTATIONS).join(", ")}; shipped drivers: ${shipped.join(", ")}; others through --driver NAME=COMMAND)`,
    );
  }
  const names = requestedIds(ids, drivers);
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice !== undefined) throw new UsageError(`two implementations are called "${twice}"`);
  for (const id of ids) {
    const missing = missingPackage(id);
    if (missing !== undefined) throw new UsageError(missing);
  }
}

/** Why an in-process implementation cannot load here (its optional npm package is not installed), or undefined. */
function missingPackage(id: string): string | undefined {
  const needed = IN_PROCESS_PACKAGES[id];
  return needed === undefined || optionalPackageInstalled(needed) ? undefined : missingPackageMessage(needed, `--impl ${id}`);
}

/**
 * Turns --impl ids (in-process implementations, or drivers this project ships) and --driver
 * commands into running implementations. A shipped driver whose runtime is missing is an error
 * naming the command that installs it when asked for by name, and a note in a default run.
 */
export async function resolveImplementations(
  ids: string[],
  drivers: Array<{ name: string; command: string }>,
  multiplier = timeoutMultiplier(),
  /** A remote machine: drivers start there (through its agent); in-process implementations cannot. */
  machine?: AgentMachine,
): Promise<ResolvedImplementations> {
  checkImplementationRequest(ids, drivers);
  const limits = driverLimits(multiplier);
  const usable: Implementation[] = [];
  const broken: BrokenImplementation[] = [];
  const notAvailable: string[] = [];
  const started: Array<{ kill(): Promise<void> }> = [];
  const shipped = shippedDrivers();
  const wanted = ids.includes(ALL_AVAILABLE) ? [...Object.keys(IN_PROCESS_IMPLEMENTATIONS), ...shipped.map((d) => d.id)] : ids;
  for (const id of wanted) {
    const make = IN_PROCESS_IMPLEMENTATIONS[id];
    if (make !== undefined) {
      // Asked for by name, a missing package was refused before the run; in a default run it is a note.
      const missing = missingPackage(id);
      if (missing !== undefined) notAvailable.push(`${id}: ${missing}`);
      else usable.push(machine === undefined ? make() : onlyInThisProcess(make(), machine));
      continue;
    }
    const driver = shipped.find((d) => d.id === id)!; // checkImplementationRequest: it is one
    if (machine !== undefined) {
      const command = machine.shippedDriverCommand(id);
      if (command === undefined) {
        const problem = `${driver.description}: not on ${machine.label}`;
        if (ids.includes(ALL_AVAILABLE)) notAvailable.push(`${id}: ${problem}`);
        else broken.push({ id, problem });
        continue;
      }
      try {
        const implementation = await DriverImplementation.start(id, machine.launch(command), limits);
        started.push(implementation);
        usable.push(implementation);
      } catch (err) {
        broken.push({ id, problem: startFailure(id, `${command} (on ${machine.label})`, err) });
      }
      continue;
    }
    if (!driverAvailable(driver)) {
      const problem = `${driver.description}: not available here, its runtime is missing (install it with: ${driver.install})`;
      if (ids.includes(ALL_AVAILABLE)) notAvailable.push(`${id}: ${problem}`);
      else broken.push({ id, problem });
      continue;
    }
    try {
      const implementation = await startDriver(id, driver.command, limits, projectRoot());
      started.push(implementation);
      usable.push(implementation);
    } catch (err) {
      broken.push({ id, problem: startFailure(id, driver.command, err) });
    }
  }
  for (const { name, command } of drivers) {
    try {
      const driver = machine === undefined ? await startDriver(name, command, limits) : await DriverImplementation.start(name, machine.launch(command), limits);
      started.push(driver);
      usable.push(driver);
    } catch (err) {
      broken.push({ id: name, problem: startFailure(name, command, err) });
    }
  }
  return {
    usable,
    broken,
    notAvailable,
    dispose: async () => {
      for (const driver of started) await driver.kill().catch(() => undefined);
    },
  };
}

/**
 * An in-process implementation on a run whose implementations live on a remote machine: it can
 * only run in this process, on this machine, so each of its cells is `skipped`, saying why.
 */
function onlyInThisProcess(implementation: Implementation, machine: AgentMachine): Implementation {
  const reason = `${implementation.id} runs only inside the harness's Node process, on this machine; the implementations of this run are on ${machine.label}`;
  const { id, name, version, capabilities } = implementation;
  return { id, name, version, capabilities, createSocket: () => Promise.reject(new Skipped(reason)) };
}

/** How a run starts the implementation called `id`: a --driver of that name, in this process, or a shipped driver. */
export function startOf(id: string, drivers: ReadonlyArray<{ name: string; command: string }>): ImplementationStart | undefined {
  const driver = drivers.find((d) => d.name === id);
  if (driver !== undefined) return { kind: "driver", command: driver.command };
  if (IN_PROCESS_IMPLEMENTATIONS[id] !== undefined) return { kind: "in-process" };
  const shipped = shippedDrivers().find((d) => d.id === id);
  return shipped === undefined ? undefined : { kind: "shipped-driver", command: shipped.command };
}

/** The lines of a driver's stderr that a start failure quotes: its end, where the cause usually is. */
const STDERR_TAIL_LINES = 12;

/**
 * One message for a driver that did not start: its name, its command, what happened (the exit
 * status, a missing hello, a failed preflight) and the end of its stderr. Exit status 127 is the
 * shell's "command not found": said in words, since that is the usual first mistake.
 */
export function startFailure(name: string, command: string, err: unknown): string {
  const fault = err instanceof DriverFault ? err : undefined;
  const what = fault?.problem ?? (err as Error)?.message ?? String(err);
  const hint = /\(code 127\)/.test(what) ? " (127: the shell did not find the command; paths are relative to the directory the harness runs in)" : "";
  const lines = (fault?.stderr ?? "").split("\n").filter((line) => line.trim() !== "");
  const tail = lines.slice(-STDERR_TAIL_LINES);
  const evidence =
    tail.length === 0
      ? "\n(it wrote nothing on stderr)"
      : `\n--- its stderr${lines.length > tail.length ? ` (last ${tail.length} lines)` : ""} ---\n${tail.join("\n")}`;
  return `driver "${name}" could not start: \`${command}\` ${what}${hint}${evidence}`;
}
