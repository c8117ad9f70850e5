/**
 * The structure rules in eslint.config.mjs catch what they are there for (a rule that never fires
 * proves nothing): an upward import between the harness's layers, an import of the harness from
 * the reference, and an import cycle. Run as `npm run lint` does, through the eslint CLI.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const ESLINT = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");

/** Lints `code` as if it were the file `file` (relative to `cwd`); returns eslint's exit status and output. */
function lint(code: string, file: string, cwd = ROOT): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [ESLINT, "--config", path.join(ROOT, "eslint.config.mjs"), "--stdin", "--stdin-filename", file], {
    cwd,
    input: code,
    encoding: "utf8",
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

test("a model module that imports the runner is refused", () => {
  const { status, output } = lint('import { SCENARIO_LIMIT_MS } from "../runner/limits";\nexport const probe = SCENARIO_LIMIT_MS;\n', "harness/model/probe.ts");
  expect(status).toBe(1);
  expect(output).toContain("harness/model is below harness/runner: layers import only downwards");
}, 60_000);

test("the runner may import the model, and a test of the model may import the runner", () => {
  expect(lint('import { LEVELS } from "../model/scenario";\nexport const probe = LEVELS;\n', "harness/runner/probe.ts")).toEqual({ status: 0, output: "" });
  expect(
    lint(
      'import { SCENARIO_LIMIT_MS } from "../runner/limits";\ntest("x", () => expect(SCENARIO_LIMIT_MS).toBeGreaterThan(0));\n',
      "harness/model/probe.test.ts",
    ),
  ).toEqual({ status: 0, output: "" });
}, 60_000);

test("the reference never imports the harness", () => {
  const { status, output } = lint('import { LEVELS } from "../harness/model/scenario";\nexport const probe = LEVELS;\n', "reference/probe.ts");
  expect(status).toBe(1);
  expect(output).toContain("reference is below harness");
}, 60_000);

test("an import cycle is refused", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zic-lint-"));
  try {
    fs.writeFileSync(path.join(dir, "a.ts"), 'import { b } from "./b";\nexport const a = () => b;\n');
    fs.writeFileSync(path.join(dir, "b.ts"), 'import { a } from "./a";\nexport const b = () => a;\n');
    const { status, output } = lint(fs.readFileSync(path.join(dir, "a.ts"), "utf8"), "a.ts", dir);
    expect(status).toBe(1);
    expect(output).toContain("import-x/no-cycle");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

test("no file points a reader outside the repository", () => {
  // The project's notes are not shipped: a comment or doc that cites them cannot be followed.
  const outside = new RegExp(["\\.\\./shared/", "notes/(design|ipc-facts|environment|bsd)\\.md", "\\b(design|ipc-facts)\\.md\\b"].join("|"));
  const tracked = spawnSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" }).stdout.split("\0").filter(Boolean);
  const citing = tracked.filter(
    (file) => /\.(ts|js|mjs|md|sh|json)$|Dockerfile|Containerfile/.test(file) && outside.test(fs.readFileSync(path.join(ROOT, file), "utf8")),
  );
  expect(citing).toEqual([]);
});
