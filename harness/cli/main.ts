#!/usr/bin/env node
/**
 * zmq-ipc-conformance: run the ipc conformance suites, gate a CI job on them, and write the
 * compatibility reports (the commands are in cli.ts). Exit codes: 0 nothing
 * unexpected; 1 unexpected results; 2 usage, harness, driver or environment error. Never a count.
 */
import { runCli } from "./cli";
import { exitAfterOutput } from "./exit-after-output";
import { keepGoingWhenReaderLeaves } from "./reader-gone";

// Node exits 1 on an uncaught exception, which the contract reserves for unexpected results.
// (During a run, executeRun's own handler comes first: it writes the partial reports, then exits 2.)
process.on("uncaughtException", (err) => {
  process.stderr.write(`zmq-ipc-conformance: harness crashed: ${err.stack ?? err.message}\n`);
  process.exit(2);
});

keepGoingWhenReaderLeaves(process.stdout);
keepGoingWhenReaderLeaves(process.stderr);

// Exit explicitly: an implementation under test that leaks a handle must not hold the run open;
// but only once the output has reached its reader (a pipe takes 64 KiB, the rest would be lost).
// Drivers still running are killed on exit, see DriverConnection.
void runCli(process.argv.slice(2)).then(exitAfterOutput);
