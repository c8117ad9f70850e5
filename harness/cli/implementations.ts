import * as fs from "node:fs";
import { IN_PROCESS_IMPLEMENTATIONS } from "../adapters/registry";
import type { Implementation } from "../adapters/implementation";
import { startDriver } from "../driver/driver-implementation";
import { UsageError } from "./select-scenarios";

/** An implementation that was asked for but could not be started (its rows become `error`). */
export interface BrokenImplementation {
  readonly id: string;
  readonly problem: string;
}

export interface ResolvedImplementations {
  readonly usable: Implementation[];
  readonly broken: BrokenImplementation[];
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

export async function resolveImplementations(ids: string[], drivers: Array<{ name: string; command: string }>): Promise<ResolvedImplementations> {
  const usable: Implementation[] = [];
  const broken: BrokenImplementation[] = [];
  const started: Array<{ kill(): Promise<void> }> = [];
  for (const id of ids) {
    const make = IN_PROCESS_IMPLEMENTATIONS[id];
    if (make === undefined) {
      throw new UsageError(`unknown implementation "${id}" (in process: ${Object.keys(IN_PROCESS_IMPLEMENTATIONS).join(", ")}; others through --driver NAME=COMMAND)`);
    }
    usable.push(make());
  }
  for (const { name, command } of drivers) {
    if (usable.some((impl) => impl.id === name)) throw new UsageError(`two implementations are called "${name}"`);
    try {
      const driver = await startDriver(name, command);
      started.push(driver);
      usable.push(driver);
    } catch (err) {
      broken.push({ id: name, problem: (err as Error).message });
    }
  }
  return {
    usable,
    broken,
    dispose: async () => {
      for (const driver of started) await driver.kill().catch(() => undefined);
    },
  };
}
