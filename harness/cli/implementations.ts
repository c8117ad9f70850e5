import * as fs from "node:fs";
import { IN_PROCESS_IMPLEMENTATIONS } from "../adapters/registry";
import type { Implementation } from "../adapters/implementation";
import { driverLimits, startDriver } from "../driver/driver-implementation";
import { timeoutMultiplier } from "../runner/limits";
import { driverAvailable, projectRoot, shippedDrivers } from "../driver/shipped-drivers";
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
    let parsed: { drivers?: Record<string, string> };
    try {
      parsed = JSON.parse(fs.readFileSync(driversFile, "utf8"));
    } catch (err) {
      throw new UsageError(`drivers file ${driversFile}: ${(err as Error).message}`);
    }
    for (const [name, command] of Object.entries(parsed.drivers ?? {})) {
      if (typeof command !== "string") throw new UsageError(`drivers file ${driversFile}: "${name}" must map to a command string`);
      drivers.push({ name, command });
    }
  }
  return drivers;
}

/** What `run` uses with no --impl and no --driver: everything known that can run here. */
export const ALL_AVAILABLE = "all";

/**
 * Turns --impl ids (in-process implementations, or drivers this project ships) and --driver
 * commands into running implementations. A shipped driver whose runtime is missing is an error
 * naming the command that installs it when asked for by name, and a note in a default run.
 */
export async function resolveImplementations(
  ids: string[],
  drivers: Array<{ name: string; command: string }>,
  multiplier = timeoutMultiplier(),
): Promise<ResolvedImplementations> {
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
      usable.push(make());
      continue;
    }
    const driver = shipped.find((d) => d.id === id);
    if (driver === undefined) {
      throw new UsageError(
        `unknown implementation "${id}" (in process: ${Object.keys(IN_PROCESS_IMPLEMENTATIONS).join(", ")}; shipped drivers: ${shipped.map((d) => d.id).join(", ")}; others through --driver NAME=COMMAND)`,
      );
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
      broken.push({ id, problem: (err as Error).message });
    }
  }
  for (const { name, command } of drivers) {
    if (usable.some((impl) => impl.id === name)) throw new UsageError(`two implementations are called "${name}"`);
    try {
      const driver = await startDriver(name, command, limits);
      started.push(driver);
      usable.push(driver);
    } catch (err) {
      broken.push({ id: name, problem: (err as Error).message });
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
