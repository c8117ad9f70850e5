import * as path from "node:path";
import { showAddress, type AgentAddress } from "./agent-address";

/**
 * The local command that runs `argv` in `dir` on a remote site (site-exec.ts): what a driver on
 * that site is started with. Under ts-jest the TS source runs through ts-node; compiled JS directly.
 */
export function siteExecCommand(address: AgentAddress, dir: string, argv: readonly string[]): { command: string[]; env: NodeJS.ProcessEnv } {
  const main = path.join(__dirname, `site-exec${path.extname(__filename)}`);
  const preload = __filename.endsWith(".ts") ? ["-r", require.resolve("ts-node/register/transpile-only")] : [];
  return { command: [process.execPath, ...preload, main, showAddress(address), dir, "--", ...argv], env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" } };
}
