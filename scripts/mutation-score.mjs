#!/usr/bin/env node
// `npm run mutation:score [-- --survivors]`: the mutation score of reference/ from the per-module
// reports that `npm run mutation:module` leaves in reports/mutation/<module>.json (a whole run of
// reference/ does not fit in one sitting, so the modules are measured apart and summed here).
// Prints one row per module and per file, the total, and with --survivors every mutant that
// survived or was not covered (file:line, mutator, replacement): the list docs/mutation.md explains.
// The metrics are computed by mutation-testing-metrics, the library Stryker's own reports use, so
// the figures are the ones Stryker prints. MUTATION_REPORTS=<dir> reads the reports from elsewhere
// (e.g. a first pass kept aside before the modules are measured again). `--overlay <report.json>`
// (repeatable) puts the files of a narrower run (`npx stryker run --mutate <files>`, whose report
// is reports/mutation/mutation.json) in place of the same files of the module reports: re-measure
// only the files you wrote tests for. The other files keep their older result, which new tests can
// only improve, so the sum is a lower bound.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { calculateMetrics } from "mutation-testing-metrics";

const MODULES = ["zmtp", "session", "transport", "endpoint", "socket", "sockets", "util", "root"];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const reports = process.env.MUTATION_REPORTS ?? path.join(root, "reports", "mutation");
const showSurvivors = process.argv.includes("--survivors");
const overlays = process.argv.flatMap((arg, i, all) => (arg === "--overlay" ? [all[i + 1]] : []));

const files = {};
const missing = [];
for (const module of MODULES) {
  const report = path.join(reports, `${module}.json`);
  if (!fs.existsSync(report)) {
    missing.push(module);
    continue;
  }
  // Modules are disjoint sets of files, so their `files` maps merge without conflict.
  Object.assign(files, JSON.parse(fs.readFileSync(report, "utf8")).files);
}
for (const overlay of overlays) {
  if (overlay === undefined || !fs.existsSync(overlay)) {
    process.stderr.write(`mutation:score: --overlay needs a Stryker JSON report, not ${overlay ?? "nothing"}\n`);
    process.exit(2);
  }
  const overlaid = JSON.parse(fs.readFileSync(overlay, "utf8")).files;
  Object.assign(files, overlaid);
  process.stdout.write(`overlaid from ${overlay}: ${Object.keys(overlaid).join(", ")}\n`);
}
if (Object.keys(files).length === 0) {
  process.stderr.write(`mutation:score: no report in ${reports}; run npm run mutation:module -- <module> first\n`);
  process.exit(2);
}

const percent = (value) => (Number.isNaN(value) ? "n/a" : `${value.toFixed(2)} %`);
const row = (name, m) =>
  `| ${name} | ${m.totalMutants} | ${m.killed} | ${m.timeout} | ${m.survived} | ${m.noCoverage} | ` +
  `${m.compileErrors} | ${m.runtimeErrors} | ${m.ignored} | **${percent(m.mutationScore)}** (${m.totalDetected}/${m.totalValid}) |`;

const tree = calculateMetrics(files);
const lines = [
  "| module / file | mutants | killed | timed out | survived | no coverage | compile error | runtime error | ignored | score |",
  "|---|---|---|---|---|---|---|---|---|---|",
];
// calculateMetrics nests results by directory; walk it so each directory's total precedes its files.
const walk = (node, prefix) => {
  for (const child of node.childResults) {
    const name = prefix ? `${prefix}/${child.name}` : child.name;
    lines.push(row(child.file ? name : `${name}/ (total)`, child.metrics));
    walk(child, name);
  }
};
walk(tree, "");
lines.push(row("**all measured**", tree.metrics));
process.stdout.write(`${lines.join("\n")}\n`);
if (missing.length > 0) process.stdout.write(`not measured: ${missing.join(", ")}\n`);

if (showSurvivors) {
  for (const [file, result] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    for (const mutant of result.mutants) {
      if (mutant.status !== "Survived" && mutant.status !== "NoCoverage") continue;
      const { line, column } = mutant.location.start;
      const replacement = (mutant.replacement ?? "").replace(/\s+/g, " ").slice(0, 80);
      process.stdout.write(`${file}:${line}:${column} ${mutant.status} ${mutant.mutatorName}: ${replacement}\n`);
    }
  }
}
