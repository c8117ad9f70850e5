/**
 * process.exit() right after printing loses what the pipe could not take yet (64 KiB) when the
 * reader is slower than the writer; exitAfterOutput waits for the reader first.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

let dir: string;
let signal: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zic-exit-after-output-"));
  signal = path.join(dir, "written");
  execFileSync("mkfifo", [signal]);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * Writes 300 KB and a verdict, says so through the FIFO, then exits as `exit` does. The reader
 * reads nothing until that signal: whatever the pipe has not taken by then is still in the
 * writer when it exits, on a loaded machine or an idle one alike.
 */
const writer = (exit: string) =>
  [
    `const { exitAfterOutput } = require(${JSON.stringify(path.join(__dirname, "exit-after-output.ts"))});`,
    `const line = "x".repeat(99) + "\\n"; for (let i = 0; i < 3000; i++) process.stdout.write(line); process.stdout.write("the verdict\\n");`,
    `const fs = require("fs"); fs.closeSync(fs.openSync(${JSON.stringify(signal)}, "w"));`,
    exit,
  ].join("\n");

/** The writer's output as a reader that starts late sees it (a loaded machine, a pager). */
function throughSlowReader(code: string): string {
  const node = [process.execPath, "-r", require.resolve("ts-node/register/transpile-only"), "-e", code].map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(" ");
  return spawnSync("sh", ["-c", `${node} | (cat '${signal}' >/dev/null; cat)`], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }).stdout;
}

test("the whole output reaches a slow reader before the process exits", () => {
  const out = throughSlowReader(writer("exitAfterOutput(0);"));
  expect(out.length).toBe(3000 * 100 + "the verdict\n".length);
  expect(out.endsWith("the verdict\n")).toBe(true);
});

test("(what it prevents: process.exit at once loses the end)", () => {
  expect(throughSlowReader(writer("process.exit(0);")).length).toBeLessThan(3000 * 100);
});
