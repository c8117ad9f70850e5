import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** A driver this project ships (drivers/drivers.json): how to start it, and how to tell it can run here. */
export interface ShippedDriver {
  readonly id: string;
  readonly command: string;
  readonly probe: string;
  readonly install: string;
  readonly description: string;
}

/** The project root (where drivers/ is), from the TS sources or from dist/. */
export function projectRoot(): string {
  const candidates = [path.join(__dirname, "..", ".."), path.join(__dirname, "..", "..", "..")];
  return candidates.find((dir) => fs.existsSync(path.join(dir, "drivers", "drivers.json"))) ?? candidates[0];
}

export function shippedDrivers(): ShippedDriver[] {
  const file = path.join(projectRoot(), "drivers", "drivers.json");
  if (!fs.existsSync(file)) return [];
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as { drivers: Record<string, Omit<ShippedDriver, "id">> };
  return Object.entries(parsed.drivers).map(([id, driver]) => ({ id, ...driver }));
}

/** Whether the driver's runtime is installed: its probe command succeeds (run from the project root). */
export function driverAvailable(driver: ShippedDriver): boolean {
  const probe = spawnSync(driver.probe, { shell: true, cwd: projectRoot(), stdio: "ignore", timeout: 20_000 });
  return probe.status === 0;
}
