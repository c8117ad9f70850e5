/**
 * `npx zmq-ipc-conformance` in a clone of this project runs the built file package.json names as
 * its bin, through sh: without the executable bit sh refuses it ("Permission denied", CI's exit
 * 127). tsc writes 0644; the build (npm ci's prepare, npm run build) sets the bit.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const { bin } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };

test.each(Object.entries(bin))("the bin %s (%s) is built executable", (_name, file) => {
  const target = path.join(ROOT, file);
  expect({ file, built: fs.existsSync(target) }).toEqual({ file, built: true }); // npm ci or npm run build makes it
  expect({ file, executable: (fs.statSync(target).mode & 0o111) === 0o111 }).toEqual({ file, executable: true });
});
