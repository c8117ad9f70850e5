import { spawn, type ChildProcess } from "node:child_process";
import * as os from "node:os";

/**
 * Processes that keep every core busy, for tests that must hold on a loaded CI machine: `perCore`
 * busy loops per core (2 oversubscribes the cores 2:1). Each ends by itself after `maxMs` even if
 * the test that started it dies; stop() ends them at once.
 */
export function startCpuHog(perCore = 2, maxMs = 120_000): { stop(): void } {
  const code = `const end = Date.now() + ${maxMs}; while (Date.now() < end) {}`;
  const hogs: ChildProcess[] = Array.from({ length: os.availableParallelism() * perCore }, () => spawn(process.execPath, ["-e", code], { stdio: "ignore" }));
  return {
    stop() {
      for (const hog of hogs) hog.kill("SIGKILL");
    },
  };
}
