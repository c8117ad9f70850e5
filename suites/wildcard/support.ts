import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import type { ScenarioContext } from "../../harness/runner/context";
import type { TestSocket } from "../../harness/adapters/implementation";

/** The variables libzmq's create_ipc_wildcard_address reads, in its order. */
export type TempVariable = "TMPDIR" | "TEMPDIR" | "TMP";
export const TEMP_VARIABLES: readonly TempVariable[] = ["TMPDIR", "TEMPDIR", "TMP"];

/**
 * The process object of Node's main context. Under jest, `process` inside a test is a copy whose
 * `env` is a plain object: writing it never reaches the C environment that libzmq's getenv()
 * reads. Assigning to the real `process.env` calls setenv(3). Outside jest both are the same.
 */
function realProcess(): NodeJS.Process {
  return vm.runInThisContext("process") as NodeJS.Process;
}

/**
 * Sets TMPDIR, TEMPDIR and TMP (null = unset) for this process, in both the JS view (what a
 * Node implementation reads) and the C environment (what libzmq reads), and restores the previous
 * values through ctx.defer. Process-global state: safe because scenarios run one at a time.
 * Only implementations running in THIS process see it (a driver in another process does not).
 */
export function setTempVariables(ctx: ScenarioContext, values: Record<TempVariable, string | null>): void {
  const envs = [...new Set([process.env, realProcess().env])];
  const previous = envs.map((env) => TEMP_VARIABLES.map((name) => [name, env[name]] as const));
  ctx.defer(() => {
    envs.forEach((env, i) => {
      for (const [name, value] of previous[i]) {
        if (value === undefined) delete env[name];
        else env[name] = value;
      }
    });
  });
  for (const env of envs) {
    for (const name of TEMP_VARIABLES) {
      const value = values[name];
      if (value === null) delete env[name];
      else env[name] = value;
    }
  }
}

/** Makes the working directory `dir` until the scenario ends (process-global: restored via ctx.defer). */
export function changeDirectory(ctx: ScenarioContext, dir: string): void {
  const previous = process.cwd();
  process.chdir(dir);
  ctx.defer(() => process.chdir(previous));
}

/** A fresh empty directory inside ctx.dir. */
export function makeDirectory(ctx: ScenarioContext, name: string): string {
  const dir = ctx.path(name);
  fs.mkdirSync(dir);
  return dir;
}

export interface WildcardBinding {
  /** ZMQ_LAST_ENDPOINT after the bind. */
  readonly endpoint: string;
  /** The pathname in it, resolved against the working directory when relative. */
  readonly socketPath: string;
}

/** Binds ipc://* (a refusal is a violation) and reads back the generated endpoint. */
export async function bindWildcard(ctx: ScenarioContext, socket: TestSocket, what = "bind ipc://*"): Promise<WildcardBinding> {
  await ctx.expectSuccess(what, () => socket.bind("ipc://*"));
  const endpoint = await socket.lastEndpoint();
  ctx.check(
    "ZMQ_LAST_ENDPOINT after the wildcard bind",
    endpoint,
    (value) => typeof value === "string" && value.startsWith("ipc://") && value !== "ipc://*" && value.length > "ipc://".length,
    "an ipc:// endpoint naming the generated path (not ipc://*)",
  );
  return { endpoint: endpoint!, socketPath: path.resolve(endpoint!.slice("ipc://".length)) };
}

/** Which of the candidate directories holds the generated directory, by name ("elsewhere: ..." if none). */
export function parentNamed(binding: WildcardBinding, candidates: Record<string, string>): string {
  const grandparent = path.dirname(path.dirname(binding.socketPath));
  for (const [name, dir] of Object.entries(candidates)) {
    if (path.resolve(dir) === grandparent) return name;
  }
  return `elsewhere: ${binding.endpoint}`;
}

/** Everything under `root`, as relative paths (for "nothing was left here" checks). */
export function entriesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const name of fs.readdirSync(dir)) {
      found.push(prefix + name);
      if (fs.lstatSync(path.join(dir, name)).isDirectory()) walk(path.join(dir, name), `${prefix}${name}/`);
    }
  };
  walk(root, "");
  return found.sort();
}

/**
 * Polls (one event-loop turn at a time) until `condition` holds or the limit passes, and says
 * which. Unlike ctx.until it records nothing: the scenario checks the state afterwards, so a
 * failure shows what was left rather than "not within N ms".
 */
export async function settle(ctx: ScenarioContext, condition: () => boolean, baseMs = 2000): Promise<boolean> {
  const deadline = Date.now() + ctx.limit(baseMs);
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return true;
}

/** "none", or the entries joined, for a check's observed value. */
export function listing(entries: string[]): string {
  return entries.length === 0 ? "none" : entries.join(", ");
}
