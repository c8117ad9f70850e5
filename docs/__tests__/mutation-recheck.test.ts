/**
 * The `mutation:recheck` command of docs/mutation.md runs as written, in a small project made
 * here: a module whose Stryker report left two mutants alive, and a jest test that kills one of
 * them. The command must run each mutant against the test, restore the file, and write a report
 * that `mutation:score --overlay` takes.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { commandsUnder, readBlocks } from "./code-blocks";

const ROOT = path.resolve(__dirname, "..", "..");
const DOC = "docs/mutation.md";
const run = promisify(execFile);

const FILE = "reference/session/zmtp-session.ts";
const SOURCE = "export function limit(n: number): boolean {\n  return n > 10;\n}\n";
const TEST = 'import { limit } from "./zmtp-session";\ntest("over ten", () => expect([limit(11), limit(10)]).toEqual([true, false]));\n';

/** Stryker's report of SOURCE: `>` made `>=` (the test kills it), `n > 10` written `10 < n` (an equivalent: nothing can), one killed already. */
function report(source = SOURCE) {
  const mutant = (id: string, status: string, replacement: string, start: number, end: number) => ({
    id,
    mutatorName: "EqualityOperator",
    replacement,
    status,
    location: { start: { line: 2, column: start }, end: { line: 2, column: end } },
  });
  return {
    schemaVersion: "2",
    thresholds: { high: 80, low: 60 },
    files: {
      [FILE]: {
        language: "typescript",
        source,
        mutants: [mutant("1", "Survived", "n >= 10", 10, 16), mutant("2", "Survived", "10 < n", 10, 16), mutant("3", "Killed", "n < 10", 10, 16)],
      },
    },
  };
}

describe("docs/mutation.md: the survivors run again against the tests as they are now", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "zic-mutation-recheck-"));
    for (const shared of ["package.json", "scripts", "node_modules", "tsconfig.json"]) fs.symlinkSync(path.join(ROOT, shared), path.join(dir, shared));
    fs.writeFileSync(path.join(dir, "jest.config.js"), 'module.exports = { testEnvironment: "node", transform: { "^.+\\\\.ts$": "ts-jest" } };\n');
    fs.mkdirSync(path.join(dir, "reference", "session"), { recursive: true });
    fs.writeFileSync(path.join(dir, FILE), SOURCE);
    fs.writeFileSync(path.join(dir, "reference", "session", "zmtp-session.test.ts"), TEST);
    fs.mkdirSync(path.join(dir, "reports", "mutation"), { recursive: true });
    fs.writeFileSync(path.join(dir, "reports", "mutation", "session.json"), JSON.stringify(report()));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const [command, ...others] = commandsUnder(readBlocks(path.join(ROOT, DOC), DOC), "How to run").filter((c) => c.text.startsWith("npm run mutation:recheck"));
  const runDoc = (text: string) => run("sh", ["-c", text], { cwd: dir, env: { ...process.env, MUTATION_REPORTS: path.join(dir, "reports", "mutation") } });

  test("the doc shows it once, on the session's report", () => {
    expect(others).toEqual([]);
    expect(command.text.replace(/\s+#.*$/, "")).toBe("npm run mutation:recheck -- reports/mutation/session.json -- npx jest reference/session");
  });

  test("kills what the test now fails on, keeps the rest alive, restores the file, and writes a report for --overlay", async () => {
    const { stdout } = await runDoc(command.text);
    expect(stdout).toContain(`${FILE}:2:10 EqualityOperator: n >= 10 -> Killed`);
    expect(stdout).toContain(`${FILE}:2:10 EqualityOperator: 10 < n -> Survived`);
    expect(stdout).toContain("mutation:recheck: 1 killed, 0 timed out, 1 still alive");
    expect(fs.readFileSync(path.join(dir, FILE), "utf8")).toBe(SOURCE);
    const rechecked = JSON.parse(fs.readFileSync(path.join(dir, "reports", "mutation", "recheck.json"), "utf8"));
    expect(rechecked.files[FILE].mutants.map((m: { status: string }) => m.status)).toEqual(["Killed", "Survived", "Killed"]);
    const score = await runDoc("npm run mutation:score -- --overlay reports/mutation/recheck.json");
    expect(score.stdout).toMatch(/\| \*\*all measured\*\* \| 3 \| 2 \| 0 \| 1 \| 0 \| .* \*\*66\.67 %\*\* \(2\/3\) \|/);
  }, 120_000);

  test("a report of another version of the file is refused before anything is touched", async () => {
    fs.writeFileSync(path.join(dir, "reports", "mutation", "session.json"), JSON.stringify(report(SOURCE.replace("10", "12"))));
    const failed = await runDoc(command.text).catch((err: { code: number; stderr: string }) => err);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain(`${FILE} is not the version reports/mutation/session.json was made of`);
    expect(fs.readFileSync(path.join(dir, FILE), "utf8")).toBe(SOURCE);
  });
});
