/**
 * tsc writes what the sources are now and never removes what they were: after a source file is
 * renamed or deleted, its old .js stays in dist/. suites/index.ts loads every file of a suite's
 * folder, so a stale scenario would run twice (the old and the new name). Run after every build:
 * removes each compiled file (.js, .d.ts and their maps) whose .ts source is gone. Only stale files
 * are touched, so a run that reads dist/ meanwhile is not disturbed.
 */
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const dist = path.join(root, "dist");
const COMPILED = /(\.d\.ts|\.js)(\.map)?$/;

if (fs.existsSync(dist)) {
  for (const file of fs.readdirSync(dist, { recursive: true, encoding: "utf8" })) {
    if (!COMPILED.test(file)) continue;
    const source = path.join(root, file.replace(COMPILED, ".ts"));
    if (!fs.existsSync(source)) fs.rmSync(path.join(dist, file));
  }
}
