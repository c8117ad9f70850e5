import * as path from "node:path";
import type { ProcessImplementation, SpawnOptions } from "../model/implementation";
import { DriverImplementation } from "../driver/driver-implementation";

/** An in-process implementation (reference, libzmq) run through serve-driver.ts in a child process (a driver of its own). */
export function spawnChildImplementation(implementationId: string, options: SpawnOptions = {}): Promise<ProcessImplementation> {
  const main = path.join(__dirname, `serve-driver${path.extname(__filename)}`);
  // Under ts-jest the TS source runs through ts-node; compiled JS runs directly.
  const preload = __filename.endsWith(".ts") ? ["-r", require.resolve("ts-node/register/transpile-only")] : [];
  return DriverImplementation.start(implementationId, {
    command: [process.execPath, ...preload, main, implementationId],
    spawnOptions: {
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
      ...(options.uid !== undefined ? { uid: options.uid } : {}),
      ...(options.gid !== undefined ? { gid: options.gid } : {}),
    },
  });
}
