/**
 * tsc writes its output mode 0644, so the command named in package.json's "bin" is not
 * executable in a clone or a git install until npm links it; where npm does not (the project's
 * own checkout, `npx zmq-ipc-conformance` in it), `sh` refused it with "Permission denied".
 * Run after every build: the bin's path is read from package.json, its one home.
 */
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const { bin } = require(path.join(root, "package.json"));
for (const file of Object.values(bin)) {
  const target = path.join(root, file);
  fs.chmodSync(target, fs.statSync(target).mode | 0o111);
}
