#!/usr/bin/env node
/**
 * zmq-ipc-conformance: run the ipc conformance suites, gate a CI job on them, and write the
 * compatibility reports (the commands are in cli.ts). Exit codes (design.md): 0 nothing
 * unexpected; 1 unexpected results; 2 usage, harness, driver or environment error. Never a count.
 */
import { runCli } from "./cli";

// Node exits 1 on an uncaught exception, which the contract reserves for unexpected results.
// (During a run, executeRun's own handler comes first: it writes the partial reports, then exits 2.)
process.on("uncaughtException", (err) => {
  process.stderr.write(`zmq-ipc-conformance: harness crashed: ${err.stack ?? err.message}\n`);
  process.exit(2);
});

// Exit explicitly: an implementation under test that leaks a handle must not hold the run open.
// (stdout and stderr are synchronous on Linux for files and pipes, so nothing printed is lost;
// drivers still running are killed on exit, see DriverConnection.)
void runCli(process.argv.slice(2)).then((code) => process.exit(code));
