import * as path from "node:path";
import type { ScenarioContext } from "../../harness/model/scenario-context";
import type { TestSocket } from "../../harness/model/implementation";

/** The variables libzmq's create_ipc_wildcard_address reads, in its order. */
export type TempVariable = "TMPDIR" | "TEMPDIR" | "TMP";
export const TEMP_VARIABLES: readonly TempVariable[] = ["TMPDIR", "TEMPDIR", "TMP"];

/**
 * Sets TMPDIR, TEMPDIR and TMP (null = unset) until the scenario ends; ctx.setEnv reaches the C
 * environment too, which is what libzmq reads. The scenario must be exclusive.
 */
export function setTempVariables(ctx: ScenarioContext, values: Record<TempVariable, string | null>): Promise<void> {
  return ctx.setEnv(values);
}

/** A fresh empty directory inside ctx.dir. */
export async function makeDirectory(ctx: ScenarioContext, name: string): Promise<string> {
  const dir = ctx.path(name);
  await ctx.files.mkdir(dir);
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

/**
 * Polls (one event-loop turn at a time) until `condition` holds or the limit passes, and says
 * which. Unlike ctx.until it records nothing: the scenario checks the state afterwards, so a
 * failure shows what was left rather than "not within N ms".
 */
export async function settle(ctx: ScenarioContext, condition: () => boolean | Promise<boolean>, baseMs = 2000): Promise<boolean> {
  const deadline = Date.now() + ctx.limit(baseMs);
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return true;
}

/** "none", or the entries joined, for a check's observed value. */
export function listing(entries: string[]): string {
  return entries.length === 0 ? "none" : entries.join(", ");
}
