/**
 * What `npm run mutation:module` removes after a Stryker run (docs/mutation.md): the test temp
 * directories of test processes Stryker killed, and nothing of a process still running or of
 * anyone else.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const { removeLeftoverTempDirs } = require("../../scripts/leftover-temp-dirs") as { removeLeftoverTempDirs(dir: string): number };

test("removes the zi- and beh- directories of processes that are gone, and only those", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zic-leftovers-"));
  try {
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!; // has exited when spawnSync returns
    const names = [`zi--${gone}-aaa`, `beh--${gone}-bbb`, `zi--${process.pid}-ccc`, `beh--${process.pid}-ddd`, `other--${gone}-eee`, `zi-${gone}-fff`];
    for (const name of names) fs.mkdirSync(path.join(dir, name, "inside"), { recursive: true });
    expect(removeLeftoverTempDirs(dir)).toBe(2);
    expect(fs.readdirSync(dir).sort()).toEqual([`beh--${process.pid}-ddd`, `other--${gone}-eee`, `zi--${process.pid}-ccc`, `zi-${gone}-fff`].sort());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
