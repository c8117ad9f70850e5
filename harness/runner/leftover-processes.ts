import { describeProcess, descendantsOf, killProcesses } from "./process-tree";

/** The pids of this process's descendants now, to compare with later. */
export function processesNow(): ReadonlySet<number> {
  return new Set(descendantsOf(process.pid).map((p) => p.pid));
}

/**
 * Kills what was started since `before` and is still running, except the implementations that
 * live in processes of their own (a driver started again during the scenario, and what it
 * started, belong to the run, which ends them). Returns a sentence naming each process killed,
 * or undefined when there was none.
 */
export function leftoverProcesses(before: ReadonlySet<number>, implementations: readonly object[]): string | undefined {
  const kept = new Set<number>();
  for (const implementation of implementations) {
    const pid = (implementation as { pid?: unknown }).pid;
    if (typeof pid !== "number" || pid <= 0) continue;
    kept.add(pid);
    for (const p of descendantsOf(pid)) kept.add(p.pid);
  }
  const left = descendantsOf(process.pid).filter((p) => !before.has(p.pid) && !kept.has(p.pid));
  if (left.length === 0) return undefined;
  const named = left.map(describeProcess); // before killing: the command line goes with the process
  killProcesses(left);
  return `left ${left.length === 1 ? "a process" : `${left.length} processes`} running, killed by the harness: ${named.join(", ")}`;
}
