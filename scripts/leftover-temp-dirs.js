// Used by mutation-module.js after each Stryker run.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

/**
 * The test temp directories (reference/__tests__/helpers: tmp's "zi-" and "beh-" prefixes, named
 * <prefix>-<pid>-<random>) of test processes that are gone. Stryker kills a test process at a
 * timeout or a hit limit, so its cleanup never runs; a run left about 200 of them behind. Only
 * those whose process no longer exists are removed: a test running elsewhere keeps its own.
 */
function removeLeftoverTempDirs(dir = os.tmpdir()) {
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    const match = /^(?:zi|beh)--(\d+)-/.exec(name);
    if (match === null || processExists(Number(match[1]))) continue;
    fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

function processExists(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

module.exports = { removeLeftoverTempDirs };
