#!/usr/bin/env node
// `npm run mutation:recheck -- <report.json> -- <test command>`: runs the mutants a Stryker report
// left alive (Survived, NoCoverage) again, one at a time, against the tests as they are now. Each
// mutant is applied to its file (the exact replacement the report gives), the test command runs
// (through the shell), and the file is restored: a command that fails kills the mutant. This is
// how a test written for a survivor is shown to kill it, without a whole Stryker run of the module
// (half an hour and more); the files are changed in place, so run it in a tree nothing else uses.
// Writes reports/mutation/recheck.json: the report with the killed mutants marked Killed, for
// `npm run mutation:score -- --overlay reports/mutation/recheck.json`. Refuses a report whose
// source is not the file on disk (its positions would point at other code).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// The project is where npm runs the script (its package.json's directory), as for the report's paths.
const root = process.cwd();
const args = process.argv.slice(2);
const split = args.indexOf("--");
const reportPath = args[0];
const command = split < 0 ? "" : args.slice(split + 1).join(" ");
const timeoutSeconds = Number(process.env.MUTATION_RECHECK_TIMEOUT ?? 300);
if (reportPath === undefined || split !== 1 || command === "") {
  process.stderr.write("usage: npm run mutation:recheck -- <stryker report.json> -- <test command>\n");
  process.exit(2);
}
if (!fs.existsSync(reportPath)) {
  process.stderr.write(`mutation:recheck: no Stryker report at ${reportPath}\n`);
  process.exit(2);
}
const report = JSON.parse(fs.readFileSync(reportPath, "utf8"));

/** Offset in `source` of a Stryker position (line and column both start at 1). */
function offsetOf(source, { line, column }) {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = source.indexOf("\n", offset) + 1;
  return offset + column - 1;
}

// Checked before any file is touched: every file of the report is the version it was made of.
for (const [file, result] of Object.entries(report.files)) {
  const onDisk = fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), "utf8") : undefined;
  if (onDisk !== result.source) {
    process.stderr.write(`mutation:recheck: ${file} is not the version ${reportPath} was made of; run Stryker on it again\n`);
    process.exit(2);
  }
}

// Put back whatever is mutated when the run is interrupted.
let restore = () => undefined;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    restore();
    process.exit(130);
  });
}

const counts = { Killed: 0, Timeout: 0, Survived: 0 };
for (const [file, result] of Object.entries(report.files)) {
  const absolute = path.join(root, file);
  const source = result.source;
  for (const mutant of result.mutants) {
    if (mutant.status !== "Survived" && mutant.status !== "NoCoverage") continue;
    const start = offsetOf(source, mutant.location.start);
    const end = offsetOf(source, mutant.location.end);
    restore = () => fs.writeFileSync(absolute, source);
    fs.writeFileSync(absolute, source.slice(0, start) + mutant.replacement + source.slice(end));
    let run;
    try {
      run = spawnSync(command, { cwd: root, shell: true, stdio: "ignore", timeout: timeoutSeconds * 1000 });
    } finally {
      restore();
      restore = () => undefined;
    }
    const status = run.error?.code === "ETIMEDOUT" || run.signal === "SIGTERM" ? "Timeout" : run.status === 0 ? "Survived" : "Killed";
    counts[status]++;
    const { line, column } = mutant.location.start;
    const replacement = mutant.replacement.replace(/\s+/g, " ").slice(0, 60);
    process.stdout.write(`${file}:${line}:${column} ${mutant.mutatorName}: ${replacement} -> ${status}\n`);
    if (status !== "Survived") {
      mutant.status = status;
      mutant.statusReason = `mutation:recheck: ${command}`;
    }
  }
}

const out = path.join(root, "reports", "mutation", "recheck.json");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(report));
process.stdout.write(`mutation:recheck: ${counts.Killed} killed, ${counts.Timeout} timed out, ${counts.Survived} still alive; reports/mutation/recheck.json\n`);
