/**
 * `zmq-ipc-conformance diff OLDER NEWER`: a run of the healthy reference against a run of the
 * reference with one known fault switched on names exactly the cells the fault breaks as
 * regressions, exits 1, and says what else moved; the command in docs/reports.md runs as written.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { referenceImplementation } from "../adapters/reference-adapter";
import { FAULTS } from "../faults/catalogue";
import { hostSettings } from "../faults/run-faults";
import { withFault } from "../faults/faulty-implementation";
import type { Implementation } from "../model/implementation";
import { buildReport, writeReportJson } from "../report/report-json";
import { runScenario } from "../runner/run-scenario";
import { ALL_SCENARIOS } from "../../suites";
import { runCli } from "./cli";

const FAULT = FAULTS.find((fault) => fault.id === "max-message-size-off-by-one")!;
/** The fault's three catchers, two scenarios it leaves alone, and one that needs a second process (the faulty reference has none). */
const SCENARIOS = [
  ...FAULT.caughtBy,
  "bind-override.second-bind-takes-new-connections",
  "endpoint-syntax.nul-byte-einval",
  "connect-before-bind.binder-in-another-process",
];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zic-diff-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the scenarios against `impl` (reported as "reference") and writes DIR/<name>/report.json. */
async function recordRun(name: string, impl: Implementation): Promise<string> {
  const rows = [];
  for (const id of SCENARIOS) {
    const scenario = ALL_SCENARIOS.find((s) => s.id === id)!;
    const observed = await runScenario(scenario, { binder: impl, connecter: impl }, hostSettings());
    rows.push({ ...observed, expected: ["pass" as const] });
  }
  const reference = referenceImplementation();
  return writeReportJson(path.join(dir, name), buildReport([{ id: reference.id, name: reference.name, version: reference.version }], rows, false));
}

async function cli(...args: string[]): Promise<{ code: number; lines: string[]; errors: string }> {
  const lines: string[] = [];
  let errors = "";
  const code = await runCli(args, { line: (text) => lines.push(text), error: (text) => (errors += text) });
  return { code, lines, errors };
}

describe("a healthy run against a run with one fault injected", () => {
  let healthy: string;
  let faulty: string;
  beforeAll(async () => {
    const reference = referenceImplementation();
    healthy = await recordRun("healthy", reference);
    faulty = await recordRun("faulty", { ...withFault(reference, FAULT), id: reference.id });
  }, 120_000);

  test("names exactly the fault's catchers as regressions, and exits 1", async () => {
    const { code, lines } = await cli("diff", healthy, faulty);
    const regressions = lines.filter((line) => line.startsWith("  regression")).map((line) => line.split(/\s+/)[2].replace(/:$/, ""));
    expect(regressions.sort()).toEqual([...FAULT.caughtBy].sort());
    expect(lines[0]).toBe(`${healthy} -> ${faulty}: 3 regressions, 0 fixes, 1 no longer run, 0 other changes, 0 new cells, 0 removed cells`);
    expect(lines).toContain("  no longer run connect-before-bind.binder-in-another-process: pass -> unsupported");
    expect(code).toBe(1);
  });

  test("the other way round, the same cells are fixes, and it exits 0", async () => {
    const { code, lines } = await cli("diff", faulty, healthy);
    const fixes = lines.filter((line) => line.startsWith("  fix")).map((line) => line.split(/\s+/)[2].replace(/:$/, ""));
    expect(fixes.sort()).toEqual([...FAULT.caughtBy].sort());
    expect(code).toBe(0);
  });

  test("--markdown: the same cells as table rows", async () => {
    const { code, lines } = await cli("diff", "--markdown", healthy, faulty);
    expect(lines.filter((line) => line.startsWith("| **regression** |"))).toHaveLength(3);
    expect(code).toBe(1);
  });

  test("the command docs/reports.md shows runs as written, from the directory it names its files in", async () => {
    const docs = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "reports.md"), "utf8");
    const shown = docs.split("\n").find((line) => line.startsWith("npx zmq-ipc-conformance diff "));
    expect(shown).toBeDefined();
    const args = shown!.replace(/^npx zmq-ipc-conformance /, "").split(/\s+/);
    const cwd = fs.mkdtempSync(path.join(dir, "docs-"));
    const [older, newer] = args.filter((arg) => arg.endsWith("report.json"));
    for (const [file, from] of [
      [older, healthy],
      [newer, faulty],
    ]) {
      fs.mkdirSync(path.join(cwd, path.dirname(file)), { recursive: true });
      fs.copyFileSync(from, path.join(cwd, file));
    }
    const previous = process.cwd();
    process.chdir(cwd);
    try {
      const { code, lines } = await cli(...args);
      expect(lines.filter((line) => line.startsWith("| **regression** |"))).toHaveLength(3);
      expect(code).toBe(1);
    } finally {
      process.chdir(previous);
    }
  });
});

describe("mistakes are exit 2 with a line naming what was wrong", () => {
  test("one report, or three", async () => {
    expect(await cli("diff", "a.json")).toMatchObject({
      code: 2,
      errors: expect.stringContaining("diff needs two report.json files, the older first (got 1)"),
    });
    expect((await cli("diff", "a", "b", "c")).code).toBe(2);
  });

  test("a file that is not a report names the file", async () => {
    const garbage = path.join(dir, "garbage.json");
    fs.writeFileSync(garbage, "{ not json");
    const { code, errors } = await cli("diff", garbage, garbage);
    expect(code).toBe(2);
    expect(errors).toContain(`${garbage}: cannot read a report`);
  });

  test("a flag of another command", async () => {
    expect(await cli("diff", "--out", "x", "a", "b")).toMatchObject({ code: 2, errors: expect.stringContaining("diff does not take --out") });
  });
});
