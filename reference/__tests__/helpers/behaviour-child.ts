import { fork, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { CHILD_LIMIT_MS, within } from "./behaviour-env";
import type { Fixture } from "./behaviour-fixture";

/** The reference implementation's directory (its index.ts), for children that load it by absolute path. */
export const REFERENCE_DIR = path.resolve(__dirname, "..", "..");
/** zeromq.js (libzmq) as installed for this project, for children that use it. */
export const ZEROMQ_MODULE = require.resolve("zeromq");
const TYPESCRIPT_MODULE = require.resolve("typescript");

/**
 * JavaScript that makes `require` understand .ts files (transpile only, as ts-jest does here) and
 * defines `ref`: the reference implementation, loaded through its absolute path.
 */
export function loadReferenceSource(): string {
  return `
const ts = require(${JSON.stringify(TYPESCRIPT_MODULE)});
require.extensions[".ts"] = function (module, filename) {
  const source = require("node:fs").readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};
const ref = require(${JSON.stringify(REFERENCE_DIR)});
`;
}

/** JavaScript that defines `zmq`: zeromq.js, loaded through its absolute path. */
export function loadZeromqSource(): string {
  return `const zmq = require(${JSON.stringify(ZEROMQ_MODULE)});\n`;
}

export interface ChildOptions {
  /** Run as this user and group (needs root). */
  readonly uid?: number;
  readonly gid?: number;
  /** The child's whole environment (default: ours). */
  readonly env?: NodeJS.ProcessEnv;
  /** Working directory (default: the test's directory). */
  readonly cwd?: string;
}

/**
 * A node process running a script the test wrote into its own directory. It talks to the test
 * over the IPC channel (`process.send(...)`); everything it writes to stderr is kept for the
 * failure message. It is killed at the end of the test if it is still running.
 */
export class Child {
  readonly exited: Promise<number | null>;
  private readonly messages: unknown[] = [];
  private waiters: Array<{ predicate: (m: unknown) => boolean; resolve: (m: unknown) => void }> = [];
  private stderr = "";
  private exitCode: number | null | undefined;

  constructor(readonly proc: ChildProcess) {
    proc.on("message", (message) => {
      this.messages.push(message);
      const waiter = this.waiters.find((w) => w.predicate(message));
      if (waiter !== undefined) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(message);
      }
    });
    proc.stderr?.on("data", (chunk: Buffer) => (this.stderr += chunk.toString("utf8")));
    proc.stdout?.on("data", () => undefined);
    this.exited = new Promise((resolve) => {
      proc.on("exit", (code, signal) => {
        this.exitCode = code;
        resolve(code ?? (signal === null ? null : -1));
      });
    });
  }

  /** The first message (already received or still to come) that satisfies `predicate`. */
  message<T = unknown>(predicate: (m: unknown) => boolean, what: string): Promise<T> {
    const seen = this.messages.find(predicate);
    if (seen !== undefined) return Promise.resolve(seen as T);
    const arrived = new Promise<unknown>((resolve) => this.waiters.push({ predicate, resolve }));
    const failed = this.exited.then((code) => {
      throw new Error(`child exited (${code}) before ${what}; stderr:\n${this.stderr}`);
    });
    return within(Promise.race([arrived, failed]) as Promise<T>, `${what} from the child (stderr so far: ${this.stderr})`, CHILD_LIMIT_MS);
  }

  send(message: unknown): void {
    this.proc.send(message as never);
  }

  get errorOutput(): string {
    return this.stderr;
  }

  /** Kills the child if it is still running and waits for it to be gone. */
  async stop(): Promise<void> {
    if (this.exitCode === undefined) this.proc.kill("SIGKILL");
    await this.exited;
  }
}

let scripts = 0;

/** Writes `source` into the test's directory and runs it with node (no jest or ts-jest flags). */
export function runChild(fixture: Fixture, source: string, options: ChildOptions = {}): Child {
  const script = fixture.path(`child-${process.pid}-${++scripts}.js`);
  fs.writeFileSync(script, source, { mode: 0o644 });
  const child = new Child(
    fork(script, [], {
      cwd: options.cwd ?? fixture.dir,
      env: options.env ?? process.env,
      execArgv: [],
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      uid: options.uid,
      gid: options.gid,
    }),
  );
  fixture.defer(() => child.stop());
  return child;
}
