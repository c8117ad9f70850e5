/**
 * The `mutation:score` commands of docs/mutation.md run as written, on two small Stryker reports
 * made here: the module reports summed, the survivors listed, and a narrower run's report put in
 * place of the same file. (The Stryker runs themselves take minutes to hours; they are not part
 * of `npm test`.)
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

type Status = "Killed" | "Survived" | "NoCoverage" | "Timeout";

/** A Stryker JSON report (mutation-testing-report-schema) of one file's mutants, one per line. */
function report(file: string, statuses: Status[]) {
  return {
    schemaVersion: "2",
    thresholds: { high: 80, low: 60 },
    files: {
      [file]: {
        language: "typescript",
        source: statuses.map((_, i) => `const x${i} = ${i};`).join("\n"),
        mutants: statuses.map((status, i) => ({
          id: `${file}#${i}`,
          mutatorName: "BooleanLiteral",
          replacement: "true",
          status,
          location: { start: { line: i + 1, column: 7 }, end: { line: i + 1, column: 12 } },
        })),
      },
    },
  };
}

describe("docs/mutation.md: the score from the module reports", () => {
  let dir: string;
  beforeEach(() => {
    // A project directory as the doc's commands expect one: package.json and scripts/ of this one,
    // reports/mutation/ of its own.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "zic-mutation-score-"));
    fs.symlinkSync(path.join(ROOT, "package.json"), path.join(dir, "package.json"));
    fs.symlinkSync(path.join(ROOT, "scripts"), path.join(dir, "scripts"));
    const reports = path.join(dir, "reports", "mutation");
    fs.mkdirSync(reports, { recursive: true });
    fs.writeFileSync(path.join(reports, "socket.json"), JSON.stringify(report("reference/socket/a.ts", ["Killed", "Survived", "NoCoverage", "Timeout"])));
    fs.writeFileSync(path.join(reports, "util.json"), JSON.stringify(report("reference/util/b.ts", ["Killed", "Killed"])));
    // A later run of a.ts alone, after a test that kills its survivor.
    fs.writeFileSync(path.join(reports, "mutation.json"), JSON.stringify(report("reference/socket/a.ts", ["Killed", "Killed", "NoCoverage", "Timeout"])));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const commands = commandsUnder(readBlocks(path.join(ROOT, DOC), DOC), "How to run").filter((c) => c.text.startsWith("npm run mutation:score"));

  test("the doc shows the sum and the overlay", () => {
    expect(commands.map((c) => c.text.replace(/\s+#.*$/, ""))).toEqual([
      "npm run mutation:score -- --survivors",
      "npm run mutation:score -- --overlay reports/mutation/mutation.json",
    ]);
  });

  const runDoc = (text: string) => run("sh", ["-c", text], { cwd: dir, env: { ...process.env, MUTATION_REPORTS: path.join(dir, "reports", "mutation") } });

  test("--survivors: the total of the modules measured, the ones not measured, and each survivor", async () => {
    const { stdout } = await runDoc(commands[0].text);
    expect(stdout).toMatch(/\| \*\*all measured\*\* \| 6 \| 3 \| 1 \| 1 \| 1 \| .* \*\*66\.67 %\*\* \(4\/6\) \|/);
    expect(stdout).toContain("not measured: zmtp, session, transport, endpoint, sockets, root");
    expect(stdout).toContain("reference/socket/a.ts:2:7 Survived BooleanLiteral: true");
    expect(stdout).toContain("reference/socket/a.ts:3:7 NoCoverage BooleanLiteral: true");
  });

  test("--overlay: the narrower run's file replaces the module report's, the rest stays", async () => {
    const { stdout } = await runDoc(commands[1].text);
    expect(stdout).toContain("overlaid from reports/mutation/mutation.json: reference/socket/a.ts");
    expect(stdout).toMatch(/\| \*\*all measured\*\* \| 6 \| 4 \| 1 \| 0 \| 1 \| .* \*\*83\.33 %\*\* \(5\/6\) \|/);
  });

  test("--overlay with no report is refused, naming what it got", async () => {
    const failed = await runDoc("npm run mutation:score -- --overlay reports/mutation/none.json").catch((err: { code: number; stderr: string }) => err);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain("--overlay needs a Stryker JSON report, not reports/mutation/none.json");
  });
});
