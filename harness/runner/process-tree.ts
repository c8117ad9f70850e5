import * as fs from "node:fs";

/**
 * The processes this one started, seen through /proc: what is left running after a scenario or
 * a run, and how to end a driver together with everything it started. Linux only: where /proc
 * is absent (FreeBSD without procfs) nothing is listed and only process groups are killed.
 */
export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  /** Its process group: a process that leads one (pgid === pid) is killed with its group. */
  readonly pgid: number;
  /** One letter from /proc/PID/stat: R, S, D, Z (a zombie: dead, only waiting to be reaped), ... */
  readonly state: string;
  /** Its name from /proc/PID/stat (see commandLine for messages). */
  readonly comm: string;
}

/** Every process this user can see, or none where there is no /proc. */
export function listProcesses(): ProcessInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const found: ProcessInfo[] = [];
  for (const name of names) {
    const info = readProcess(Number(name));
    if (info !== undefined) found.push(info);
  }
  return found;
}

function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so cut at the last ')'.
    const [state, ppid, pgid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { pid, ppid: Number(ppid), pgid: Number(pgid), state, comm: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) };
  } catch {
    return undefined; // gone while we looked
  }
}

/** Its command line (read only for the few processes a message names: reading every one is slow), at most 200 characters. */
export function commandLine(p: ProcessInfo): string {
  let cmdline = "";
  try {
    cmdline = fs.readFileSync(`/proc/${p.pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
  } catch {
    // gone meanwhile
  }
  return (cmdline || `[${p.comm}]`).slice(0, 200);
}

/**
 * The living (not zombie) descendants of `root`, parents before their children. Read from each
 * thread's /proc/PID/task/TID/children (a few small files: cheap enough to call around every
 * scenario) or, where the kernel lacks those, from a scan of every process.
 */
export function descendantsOf(root: number, processes?: readonly ProcessInfo[]): ProcessInfo[] {
  const childrenOf = processes !== undefined ? fromList(processes) : (fromChildrenFiles() ?? fromList(listProcesses()));
  const found: ProcessInfo[] = [];
  const seen = new Set([root]);
  const queue = [root];
  while (queue.length > 0) {
    for (const child of childrenOf(queue.shift()!)) {
      if (seen.has(child.pid)) continue;
      seen.add(child.pid);
      queue.push(child.pid);
      if (child.state !== "Z") found.push(child);
    }
  }
  return found;
}

function fromList(processes: readonly ProcessInfo[]): (pid: number) => ProcessInfo[] {
  const children = new Map<number, ProcessInfo[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  return (pid) => children.get(pid) ?? [];
}

function fromChildrenFiles(): ((pid: number) => ProcessInfo[]) | undefined {
  if (!fs.existsSync(`/proc/${process.pid}/task/${process.pid}/children`)) return undefined;
  return (pid) => {
    let tasks: string[];
    try {
      tasks = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      return []; // gone
    }
    const pids = tasks.flatMap((tid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
      } catch {
        return [];
      }
    });
    return pids.map(readProcess).filter((p): p is ProcessInfo => p !== undefined);
  };
}

/**
 * SIGKILL to each process and, for one that leads its own group, to the whole group (which also
 * reaches members whose parent already died). A group we do not own is never signalled: a
 * process in this one's group is killed alone, so the harness never kills itself.
 */
export function killProcesses(processes: readonly ProcessInfo[]): void {
  const ownGroup = currentProcessGroup();
  for (const p of processes) {
    if (p.pgid === p.pid && p.pgid !== ownGroup) signal(-p.pid);
    signal(p.pid);
  }
}

/**
 * Ends `pid` and every process under it, including those that left its process group (setsid):
 * the tree is read before anything is signalled, since a killed parent's children are handed to
 * init and no longer look like ours. `leadsGroup`: the process was spawned detached, so its group
 * (which outlives it while a member lives) is killed too.
 */
export function killTree(pid: number, leadsGroup: boolean): void {
  const tree = descendantsOf(pid);
  if (leadsGroup) signal(-pid);
  signal(pid);
  killProcesses(tree);
}

/** How often untilGone looks again: a SIGKILLed process is gone within a few of these even on a loaded machine. */
const GONE_POLL_MS = 10;

/**
 * Resolves once none of `pids` runs any more (gone, or a zombie: dead, only waiting to be reaped),
 * or at `limitMs`, with the pids still running then. SIGKILL is delivered by the kernel in its own
 * time: a caller that reports a process as ended waits for it here, so the next scenario (or a
 * leak check) never sees it.
 */
export async function untilGone(pids: readonly number[], limitMs: number): Promise<number[]> {
  const deadline = Date.now() + limitMs;
  let running = pids.filter(isRunning);
  while (running.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, GONE_POLL_MS));
    running = running.filter(isRunning);
  }
  return running;
}

function isRunning(pid: number): boolean {
  const p = readProcess(pid);
  return p !== undefined && p.state !== "Z";
}

/** Kills a whole process group (negative id): the members left when its leader has gone. */
export function killGroup(pgid: number): void {
  if (pgid !== currentProcessGroup()) signal(-pgid);
}

/** "pid 123 (sleep 1000)", for messages: call it before killing, while the command line can still be read. */
export function describeProcess(p: ProcessInfo): string {
  return `pid ${p.pid} (${commandLine(p)})`;
}

function signal(target: number): void {
  try {
    process.kill(target, "SIGKILL");
  } catch {
    // gone already (ESRCH), or not ours to signal (EPERM): nothing more we can do
  }
}

let ownGroup: number | undefined;
function currentProcessGroup(): number {
  ownGroup ??= readProcess(process.pid)?.pgid ?? -1;
  return ownGroup;
}
