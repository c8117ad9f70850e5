import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as readline from "node:readline";
import { projectRoot } from "../driver/shipped-drivers";
import { timeoutMultiplier } from "../runner/limits";
import { killTree } from "../runner/process-tree";
import { readReportFile } from "../report/validate-report";
import { runSettingsJson, type RunRequest } from "../runner/run-request";
import { nodeRuntime, RuntimeUnavailable } from "./node-runtimes";
import type { PlatformRun } from "./platform-run";
import type { PlatformTarget } from "./targets";

/** A whole runtime platform's run may take this long before the multiplier (as a container platform's). */
const PLATFORM_LIMIT_MS = 45 * 60_000;

/**
 * One Node runtime platform (host-node24): the CLI runs again on this machine under that Node,
 * as a child process labelled by ZIC_PLATFORM, with the run's request (as JSON), from the same working
 * directory (so --expect files and --driver commands mean what they meant here), writing its
 * reports to `keepIn`. Its lines are shown as they come, prefixed with the platform id.
 * Returns the reason instead when that Node cannot be had.
 */
export async function runRuntimePlatform(
  target: Extract<PlatformTarget, { kind: "runtime" }>,
  request: RunRequest,
  keepIn: string,
): Promise<PlatformRun | { unavailable: string }> {
  let node: string;
  try {
    node = nodeRuntime(target.major);
  } catch (err) {
    if (err instanceof RuntimeUnavailable) return { unavailable: err.message };
    throw err;
  }
  request.log(`${target.id}: running under ${node}`);
  fs.rmSync(path.join(keepIn, "report.json"), { force: true });
  fs.mkdirSync(keepIn, { recursive: true });
  const requestFile = path.join(keepIn, "request.json");
  fs.writeFileSync(requestFile, runSettingsJson(request, { platforms: [target.id], out: keepIn, expectFiles: request.expectFiles }));
  const args = [...cliEntry(), "run", "--request", requestFile];
  const child = spawn(node, args, { env: { ...process.env, ZIC_PLATFORM: target.id }, stdio: ["ignore", "pipe", "pipe"] });
  const show = (line: string) => request.log(`[${target.id}] ${line}`);
  readline.createInterface({ input: child.stdout! }).on("line", show);
  readline.createInterface({ input: child.stderr! }).on("line", show);
  const limitMs = PLATFORM_LIMIT_MS * (request.multiplier ?? timeoutMultiplier());
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) killTree(child.pid, true);
  }, limitMs);
  const exitCode = await new Promise<number>((resolve) => child.once("close", (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  clearTimeout(timer);
  fs.rmSync(requestFile, { force: true });

  const reportFile = path.join(keepIn, "report.json");
  const report = fs.existsSync(reportFile) ? readReportFile(reportFile) : undefined;
  const harnessErrors: string[] = [];
  if (timedOut) harnessErrors.push(`${target.id}: the run under Node ${target.major} did not finish within ${Math.round(limitMs / 1000)} s`);
  else if (exitCode === 2)
    harnessErrors.push(`${target.id}: the run under Node ${target.major} reported harness, driver or environment errors (its lines are above)`);
  else if (exitCode > 2) harnessErrors.push(`${target.id}: the run under Node ${target.major} ended with exit code ${exitCode}`);
  if (report === undefined) return { unavailable: `the run under Node ${target.major} (${node}) wrote no report (exit code ${exitCode})` };
  return { report, harnessErrors };
}

/** The CLI as this process runs it: the compiled main.js, or (under the tests) main.ts through ts-node. */
function cliEntry(): string[] {
  const main = path.join(projectRoot(), ...(__filename.endsWith(".ts") ? ["harness", "cli", "main.ts"] : ["dist", "harness", "cli", "main.js"]));
  return __filename.endsWith(".ts") ? ["-r", require.resolve("ts-node/register/transpile-only"), main] : [main];
}
