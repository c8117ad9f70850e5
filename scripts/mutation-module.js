#!/usr/bin/env node
// `npm run mutation:module -- <module> [<module>...]`: mutation testing of reference/<module> only
// (zmtp, session, transport, endpoint, socket, sockets, util, or "root" for reference/*.ts), with
// the same stryker.config.json. A whole run of reference/ takes hours at concurrency 1; one module
// is the unit that fits in a sitting. The reports are copied to reports/mutation/<module>.{html,json}
// so that the next module does not overwrite them. Extra Stryker options go after "--", e.g.
// `npm run mutation:module -- transport -- --concurrency 2`.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { removeLeftoverTempDirs } = require("./leftover-temp-dirs");

const MODULES = ["zmtp", "session", "transport", "endpoint", "socket", "sockets", "util", "root"];
const args = process.argv.slice(2);
const split = args.indexOf("--");
const modules = split < 0 ? args : args.slice(0, split);
const extra = split < 0 ? [] : args.slice(split + 1);
const unknown = modules.filter((m) => !MODULES.includes(m));
if (modules.length === 0 || unknown.length > 0) {
  process.stderr.write(`usage: npm run mutation:module -- <${MODULES.join("|")}>... [-- stryker options]\n`);
  process.exit(2);
}

const root = path.resolve(__dirname, "..");
const reports = path.join(root, "reports", "mutation");
for (const module of modules) {
  const mutate = module === "root" ? ["reference/*.ts", "!reference/*.test.ts"] : [`reference/${module}/**/*.ts`, `!reference/${module}/**/*.test.ts`];
  // zmtp/ (the codec) is tested with its own tests only: see stryker.codec.config.mjs for why.
  const config = module === "zmtp" ? ["stryker.codec.config.mjs"] : [];
  const started = Date.now();
  const run = spawnSync("npx", ["stryker", "run", ...config, "--mutate", mutate.join(","), ...extra], {
    cwd: root,
    stdio: "inherit",
  });
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const leftovers = removeLeftoverTempDirs();
  if (leftovers > 0) process.stdout.write(`mutation:module ${module}: removed ${leftovers} temp directories of killed test processes\n`);
  if (run.status !== 0) {
    process.stderr.write(`mutation:module ${module}: stryker exited ${run.status ?? run.signal} after ${minutes} min\n`);
    process.exit(run.status ?? 1);
  }
  for (const ext of ["html", "json"]) {
    fs.copyFileSync(path.join(reports, `mutation.${ext}`), path.join(reports, `${module}.${ext}`));
  }
  process.stdout.write(`mutation:module ${module}: ${minutes} min, reports/mutation/${module}.{html,json}\n`);
}
