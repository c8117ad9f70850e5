#!/usr/bin/env node
/**
 * `npm run stability`: can the verdicts be trusted on a loaded CI machine? The whole catalogue
 * against the reference and libzmq, every cell run 5 times (--repeat 5), while stress-ng
 * oversubscribes every core 2:1. A cell whose runs end differently is flaky: a race in a scenario
 * or in the harness to fix, or an implementation's own nondeterminism to expect as intermittent.
 * Prints the run's verdict, then `flaky cells: K of M` last.
 *
 *   npm run stability [-- --repeat 5 --load 2 --out out/stability --impl reference,libzmq]
 *
 * Exit code: 0 nothing unexpected (no flaky cell, or only ones expected as intermittent); 1
 * unexpected results; 2 harness or environment error (stress-ng missing: apt-get install -y stress-ng).
 */
import { spawnSync } from "node:child_process";
import * as os from "node:os";
import { parseArgs } from "node:util";
import { ALL_SCENARIOS } from "../../suites";
import { executeRun } from "../cli/commands/run";
import { printVerdict } from "../cli/verdict";
import { isFlaky } from "../model/outcome";
import { exitAfterOutput } from "../cli/exit-after-output";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      repeat: { type: "string", default: "5" },
      load: { type: "string", default: "2" },
      out: { type: "string", default: "out/stability" },
      impl: { type: "string", default: "reference,libzmq" },
    },
  });
  const repeat = Number(values.repeat);
  const load = Number(values.load);
  if (!Number.isInteger(repeat) || repeat < 2 || !Number.isInteger(load) || load < 0) {
    process.stderr.write(
      `stability: --repeat takes an integer >= 2 and --load an integer >= 0 (busy workers per core), got ${values.repeat} and ${values.load}\n`,
    );
    return 2;
  }
  const workers = os.availableParallelism() * load;
  if (workers > 0 && spawnSync("stress-ng", ["--version"], { stdio: "ignore" }).status !== 0) {
    process.stderr.write("stability: stress-ng is not installed (it makes the load): apt-get install -y stress-ng\n");
    return 2;
  }
  // Started outside this process's tree (the shell that starts it exits at once): the run ends
  // whatever it started and left running, which would end the load early and count as an error.
  // In a session of its own, so that ending its group ends its workers; it ends by itself after a day.
  const hog =
    workers > 0
      ? Number(
          spawnSync("sh", ["-c", `setsid stress-ng --cpu ${workers} --timeout 86400 --quiet >/dev/null 2>&1 & echo $!`], { encoding: "utf8" }).stdout.trim(),
        )
      : undefined;
  const stopHog = () => {
    if (hog !== undefined && hog > 0) {
      try {
        process.kill(-hog, "SIGKILL");
      } catch {
        // already gone
      }
    }
  };
  process.once("exit", stopHog);
  process.stdout.write(`stability: every cell ${repeat} times, ${workers} busy workers beside it (${load} per core, ${os.availableParallelism()} cores)\n`);
  const started = performance.now();
  try {
    const outcome = await executeRun(ALL_SCENARIOS, {
      implementations: values.impl.split(",").map((id) => id.trim()),
      drivers: [],
      suites: [],
      scenarios: [],
      platforms: ["host"],
      out: values.out,
      expectFiles: [],
      jobs: 1,
      repeat,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    stopHog();
    printVerdict(outcome, (line) => process.stdout.write(`${line}\n`));
    const flaky = outcome.report.results.filter(isFlaky).length;
    process.stdout.write(`(${((performance.now() - started) / 60_000).toFixed(1)} min)\n`);
    process.stdout.write(`flaky cells: ${flaky} of ${outcome.report.results.length}\n`);
    return outcome.exitCode;
  } finally {
    stopHog();
  }
}

main().then(
  (code) => exitAfterOutput(code),
  (err: Error) => {
    process.stderr.write(`stability: ${err.stack ?? err.message}\n`);
    process.exit(2);
  },
);
