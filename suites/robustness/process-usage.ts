import * as fs from "node:fs";

/**
 * What a process holds, read from Linux's /proc: the robustness scenarios compare it before and
 * after an attack, so a descriptor or memory leak per bad connection shows as a difference.
 */
export interface ProcessUsage {
  /** Open file descriptors (entries of /proc/<pid>/fd). */
  readonly descriptors: number;
  /** Resident set size in KiB (VmRSS of /proc/<pid>/status). */
  readonly rssKiB: number;
  /** Peak resident set size in KiB since the process started (VmHWM): an allocation touched and freed between two readings shows here. */
  readonly peakKiB: number;
  /** Connections its listeners accepted: connected UNIX sockets of the process that carry an address. */
  readonly connections: number;
}

const SHELLS = new Set(["sh", "dash", "bash"]);

/**
 * The process that really hosts the implementation. A driver whose command is a string is
 * started through `sh -c`; a shell that did not exec its command has it as its only child, and
 * the shell's own descriptors say nothing about the implementation.
 */
export function hostingPid(pid: number): number {
  let current = pid;
  for (let depth = 0; depth < 4 && SHELLS.has(commandName(current)); depth++) {
    const children = childPids(current);
    if (children.length !== 1) break;
    current = children[0];
  }
  return current;
}

/** The usage of `pid`; null where /proc is absent (FreeBSD without procfs). */
export function readUsage(pid: number): ProcessUsage | null {
  let fds: string[];
  let status: string;
  try {
    fds = fs.readdirSync(`/proc/${pid}/fd`);
    status = fs.readFileSync(`/proc/${pid}/status`, "latin1");
  } catch {
    return null;
  }
  return { descriptors: fds.length, rssKiB: statusKiB(status, "VmRSS"), peakKiB: statusKiB(status, "VmHWM"), connections: acceptedConnections(pid, fds) };
}

/** Whether the process still exists (and is not a zombie waiting to be reaped). */
export function isAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "latin1");
    return statField(stat, 0) !== "Z";
  } catch {
    return false;
  }
}

/**
 * Linux lists an accepted UNIX socket with its listener's address in /proc/net/unix, state 03
 * (connected); the process's other connected sockets (socketpairs for its stdio, connections it
 * made itself) have none. The address is the one given to bind(2), which is not always the
 * endpoint: an implementation that binds a temporary name and renames it (the reference does, to
 * override atomically) shows the temporary one, so any address counts.
 */
function acceptedConnections(pid: number, fds: string[]): number {
  const inodes = new Set<string>();
  for (const fd of fds) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match !== null) inodes.add(match[1]);
    } catch {
      // closed between readdir and readlink: not held any more
    }
  }
  let table: string;
  try {
    table = fs.readFileSync(`/proc/${pid}/net/unix`, "latin1");
  } catch {
    return 0;
  }
  let count = 0;
  for (const line of table.split("\n").slice(1)) {
    // Num RefCount Protocol Flags Type St Inode Path
    const fields = line.trim().split(/\s+/);
    if (fields.length >= 8 && fields[5] === "03" && inodes.has(fields[6])) count++;
  }
  return count;
}

function statusKiB(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, "m").exec(status);
  return match === null ? 0 : Number(match[1]);
}

function commandName(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "latin1").trim();
  } catch {
    return "";
  }
}

function childPids(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, "latin1")
      .trim()
      .split(/\s+/)
      .filter((s) => s !== "")
      .map(Number);
  } catch {
    return [];
  }
}

/** Field `index` after the command name of /proc/<pid>/stat (0 = state); the name may hold spaces. */
function statField(stat: string, index: number): string {
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[index];
}
