import type { ScenarioContext } from "../../harness/runner/context";

/**
 * Runs `body` with `dir` as the process's working directory, then restores it. This changes
 * process-global state: safe because scenarios run one at a time, and restored even if the
 * scenario fails (ctx.defer as a second line of defence).
 */
export async function inWorkingDirectory<T>(ctx: ScenarioContext, dir: string, body: () => Promise<T>): Promise<T> {
  const previous = process.cwd();
  ctx.defer(() => process.chdir(previous));
  process.chdir(dir);
  try {
    return await body();
  } finally {
    process.chdir(previous);
  }
}
