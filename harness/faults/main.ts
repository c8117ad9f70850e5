#!/usr/bin/env node
/**
 * `npm run faults`: runs the suites against every faulty implementation in the catalogue and
 * prints which scenarios catch each fault, ending with `caught N/M faults`. Exit 0 when every
 * fault runnable here is caught, 1 when one is not, 2 when the catalogue or the harness is broken.
 */
import { FAULTS } from "./catalogue";
import { catalogueErrors, describeVerdict, runFaults, summarise } from "./run-faults";
import { exitAfterOutput } from "../cli/exit-after-output";

async function main(): Promise<number> {
  const errors = catalogueErrors(FAULTS);
  if (errors.length > 0) {
    for (const error of errors) process.stderr.write(`faults: ${error}\n`);
    return 2;
  }
  process.stdout.write(
    "Each catch is a fail or non-strict outcome on a scenario that checks one of the fault's clauses and that the healthy reference passes.\n",
  );
  const started = performance.now();
  const verdicts = await runFaults(FAULTS, (verdict) => process.stdout.write(`${describeVerdict(verdict)}\n`));
  const { lines, exitCode } = summarise(verdicts);
  process.stdout.write(`(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  for (const line of lines) process.stdout.write(`${line}\n`);
  return exitCode;
}

process.on("uncaughtException", (err) => {
  process.stderr.write(`faults: harness crashed: ${err.stack ?? err.message}\n`);
  process.exit(2);
});

// Exit explicitly: a faulty socket that leaks a handle must not hold the command open.
main().then(
  (code) => exitAfterOutput(code),
  (err: Error) => {
    process.stderr.write(`faults: harness error: ${err.stack ?? err.message}\n`);
    process.exit(2);
  },
);
