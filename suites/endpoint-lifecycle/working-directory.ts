import type { ScenarioContext } from "../../harness/model/scenario-context";

/**
 * Runs `body` with `dir` as the working directory of this process and of every implementation
 * in another process (ctx.chdir), until the scenario ends. The scenario must be exclusive.
 */
export async function inWorkingDirectory<T>(ctx: ScenarioContext, dir: string, body: () => Promise<T>): Promise<T> {
  await ctx.chdir(dir);
  return body();
}
