import { describeProcess, descendantsOf, killProcesses, untilGone } from "./process-tree";

/** The pids of this process's descendants now, to compare with later. */
export function processesNow(): ReadonlySet<number> {
  return new Set(descendantsOf(process.pid).map((p) => p.pid));
}

/** How long a SIGKILLed leftover may take to go (times the run's multiplier) before the sentence says it still runs. */
const GONE_LIMIT_MS = 5000;

/**
 * Kills what was started since `before` and is still running, except the implementations that
 * live in processes of their own (a driver started again during the scenario, and what it
 * started, belong to the run, which ends them). Returns a sentence naming each process killed,
 * or undefined when there was none. The kill is sent at once; `ended` resolves when the killed
 * processes are gone (see endLeftoverProcesses).
 */
export function killLeftoverProcesses(before: ReadonlySet<number>, implementations: readonly object[]): { sentence: string; pids: number[] } | undefined {
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
  return {
    sentence: `left ${left.length === 1 ? "a process" : `${left.length} processes`} running, killed by the harness: ${named.join(", ")}`,
    pids: left.map((p) => p.pid),
  };
}

/**
 * killLeftoverProcesses, then waits (up to a limit) until the killed processes are gone, so that
 * "killed by the harness" is true when the row is read and the next scenario starts clean. One
 * that outlives the limit (stuck in the kernel) is named as still running.
 */
export async function endLeftoverProcesses(before: ReadonlySet<number>, implementations: readonly object[], multiplier: number): Promise<string | undefined> {
  const killed = killLeftoverProcesses(before, implementations);
  if (killed === undefined) return undefined;
  const running = await untilGone(killed.pids, GONE_LIMIT_MS * multiplier);
  if (running.length === 0) return killed.sentence;
  return `${killed.sentence} (still running ${Math.round(GONE_LIMIT_MS * multiplier)} ms after SIGKILL: pid ${running.join(", pid ")})`;
}
