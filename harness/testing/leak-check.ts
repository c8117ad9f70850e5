/**
 * For tests: what a run left behind. Start a check, run (the CLI in a child process with
 * `check.env`, or the harness in this process), then `finish()`: the processes still running
 * that the run started, and the files it left in its temporary directory or in the watched
 * directories (the working tree, say). Whatever is found is killed and removed afterwards, so a
 * leak fails one test and never the tests after it.
 *
 * Processes are found two ways: descendants of this process that were not there before, and any
 * process, whoever its parent now is, whose environment carries this check's tag (a process
 * whose parent died is handed to init, and only the tag it inherited still says whose it is).
 * Files: the run gets a private TMPDIR, which must be empty at the end (os.tmpdir() is shared
 * with everything else on the machine, so a before/after listing of it would blame others).
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vm from "node:vm";
import { describeProcess, descendantsOf, killProcesses, listProcesses, type ProcessInfo } from "../runner/process-tree";

export interface Leftovers {
  /** "pid 123 (sleep 1000)" for each process still running. */
  readonly processes: string[];
  /** Paths left in the private TMPDIR, and new entries in the watched directories. */
  readonly files: string[];
}

export interface LeakCheckOptions {
  /** Directories where nothing new may appear: their new top-level entries, and new socket files anywhere below them. */
  readonly watch?: readonly string[];
  /**
   * The harness runs in this process: point this process's TMPDIR (os.tmpdir()) at the private
   * directory and tag its environment, both in the real process (under jest `process.env` is a
   * copy that neither os.tmpdir() nor child processes see), until finish().
   */
  readonly inProcess?: boolean;
}

const TAG = "ZIC_LEAK_CHECK";
/** Below a watched directory, where a run never writes and a walk would take long. */
const NOT_WALKED = new Set(["node_modules", ".git", "dist"]);

export class LeakCheck {
  /** The private TMPDIR: short, so that socket paths in it stay far below the 107-byte limit. */
  readonly tmpdir: string;
  /** The environment for a child process under check: this one's, with the private TMPDIR and the tag. */
  readonly env: NodeJS.ProcessEnv;
  private readonly tag = randomBytes(8).toString("hex");
  private readonly processesBefore: ReadonlySet<number>;
  private readonly watched: ReadonlyMap<string, ReadonlySet<string>>;
  private restoreEnv: (() => void) | undefined;

  private constructor(private readonly options: LeakCheckOptions) {
    this.tmpdir = fs.mkdtempSync(path.join(os.tmpdir(), "zic-leak-"));
    this.env = { ...process.env, TMPDIR: this.tmpdir, [TAG]: this.tag };
    this.processesBefore = new Set(descendantsOf(process.pid).map((p) => p.pid));
    this.watched = new Map((options.watch ?? []).map((dir) => [dir, new Set(entriesOf(dir))]));
    if (options.inProcess) this.restoreEnv = setRealEnv({ TMPDIR: this.tmpdir, [TAG]: this.tag });
  }

  static start(options: LeakCheckOptions = {}): LeakCheck {
    return new LeakCheck(options);
  }

  /** What is left now (nothing is killed or removed). */
  leftovers(): Leftovers {
    return { processes: this.leftoverProcesses().map(describeProcess), files: this.leftoverFiles() };
  }

  /** What is left; then ends those processes, removes the private TMPDIR and restores this process's environment. */
  finish(): Leftovers {
    const processes = this.leftoverProcesses();
    const found = { processes: processes.map(describeProcess), files: this.leftoverFiles() };
    killProcesses(processes);
    fs.rmSync(this.tmpdir, { recursive: true, force: true });
    this.restoreEnv?.();
    this.restoreEnv = undefined;
    return found;
  }

  private leftoverProcesses(): ProcessInfo[] {
    const all = listProcesses();
    const found = new Map<number, ProcessInfo>();
    for (const p of descendantsOf(process.pid, all)) if (!this.processesBefore.has(p.pid)) found.set(p.pid, p);
    for (const p of all) {
      if (p.pid === process.pid || p.state === "Z" || found.has(p.pid) || this.processesBefore.has(p.pid)) continue;
      if (carriesTag(p.pid, `${TAG}=${this.tag}`)) found.set(p.pid, p);
    }
    return [...found.values()];
  }

  private leftoverFiles(): string[] {
    const inTmp = entriesOf(this.tmpdir).map((entry) => path.join(this.tmpdir, entry));
    const inWatched = [...this.watched].flatMap(([dir, before]) =>
      entriesOf(dir)
        .filter((entry) => !before.has(entry))
        .map((entry) => path.join(dir, entry)),
    );
    return [...inTmp, ...inWatched];
  }
}

/** A directory's top-level entries, and the socket files anywhere below it (relative paths). */
function entriesOf(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(dir, relative), { withFileTypes: true });
    } catch {
      return; // gone, or not a directory
    }
    for (const entry of entries) {
      const name = path.join(relative, entry.name);
      if (depth === 0 || entry.isSocket()) found.push(name);
      if (entry.isDirectory() && !NOT_WALKED.has(entry.name)) walk(name, depth + 1);
    }
  };
  walk("", 0);
  return found.sort();
}

function carriesTag(pid: number, tagged: string): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/environ`, "latin1").split("\0").includes(tagged);
  } catch {
    return false; // gone, or not ours to read
  }
}

/** Sets variables in the real process environment (and jest's copy); returns what puts them back. */
function setRealEnv(values: Record<string, string>): () => void {
  const envs = [...new Set([process.env, (vm.runInThisContext("process") as NodeJS.Process).env])];
  const previous = envs.map((env) => Object.fromEntries(Object.keys(values).map((name) => [name, env[name]])));
  for (const env of envs) Object.assign(env, values);
  return () => {
    envs.forEach((env, i) => {
      for (const [name, value] of Object.entries(previous[i])) {
        if (value === undefined) delete env[name];
        else env[name] = value;
      }
    });
  };
}
