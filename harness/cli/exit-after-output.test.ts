/**
 * process.exit() right after printing loses what the pipe could not take yet (64 KiB) when the
 * reader is slower than the writer; exitAfterOutput waits for the reader first.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const writer = (exit: string) =>
  [
    `const { exitAfterOutput } = require(${JSON.stringify(path.join(__dirname, "exit-after-output.ts"))});`,
    `const line = "x".repeat(99) + "\\n"; for (let i = 0; i < 3000; i++) process.stdout.write(line); process.stdout.write("the verdict\\n");`,
    exit,
  ].join("\n");

/** The writer's output as a reader that starts late sees it (a loaded machine, a pager). */
function throughSlowReader(code: string): string {
  const node = [process.execPath, "-r", require.resolve("ts-node/register/transpile-only"), "-e", code].map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(" ");
  return spawnSync("sh", ["-c", `${node} | (sleep 1; cat)`], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }).stdout;
}

test("the whole output reaches a slow reader before the process exits", () => {
  const out = throughSlowReader(writer("exitAfterOutput(0);"));
  expect(out.length).toBe(3000 * 100 + "the verdict\n".length);
  expect(out.endsWith("the verdict\n")).toBe(true);
});

test("(what it prevents: process.exit at once loses the end)", () => {
  expect(throughSlowReader(writer("process.exit(0);")).length).toBeLessThan(3000 * 100);
});
