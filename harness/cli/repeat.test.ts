/**
 * --repeat N, the stability mode: each cell runs N times and is one row; a cell whose runs end
 * differently is flaky, judged by every outcome it had, shown as such in all four reports, and
 * written by update-expectations as an intermittent entry that the next gate accepts.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ALL_SCENARIOS } from "../../suites";
import { scenario, type Scenario } from "../model/scenario";
import { combineRepeats } from "../runner/repeat";
import type { ResultRow } from "../runner/result";
import { Violation } from "../runner/verdicts";
import { runRequest } from "../testing/run-request";
import { executeRun } from "./commands/run";
import { writeExpectationsFromReport } from "./commands/update-expectations";
import { printVerdict } from "./verdict";

/** Fails every third run, counted per scenario id: deterministic flakiness. */
const runs = new Map<string, number>();
function probe(what: string, failsEvery: number | undefined): Scenario {
  const id = `bind-override.repeat-${what}`;
  return scenario({
    id,
    clause: "ipc.bind.override",
    level: "MUST",
    title: `repeat probe: ${what}`,
    async run() {
      const n = (runs.get(id) ?? 0) + 1;
      runs.set(id, n);
      if (failsEvery !== undefined && n % failsEvery === 0) throw new Violation("run number", `not a multiple of ${failsEvery}`, String(n));
    },
  });
}
const CATALOGUE = [probe("steady", undefined), probe("flaky", 3)];

let out: string;
beforeEach(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "zic-repeat-"));
  runs.clear();
});
afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

test("combineRepeats: the least favourable run's outcome and evidence, every run counted, their time summed", () => {
  const run = (outcome: ResultRow["outcome"], summary: string): Omit<ResultRow, "expected"> => ({
    scenario: "s.x",
    suite: "bind-override",
    clause: "c",
    level: "MUST",
    title: "t",
    implementation: "reference",
    platform: "host",
    outcome,
    observed: { summary, checks: [], values: {} },
    durationMs: 10,
  });
  const row = combineRepeats([run("pass", "ok"), run("timeout", "no verdict within 8000 ms"), run("pass", "ok"), run("fail", "broken")]);
  expect(row).toMatchObject({
    outcome: "timeout",
    observed: { summary: "no verdict within 8000 ms" },
    durationMs: 40,
    repeat: { runs: 4, outcomes: { pass: 2, fail: 1, timeout: 1 } },
  });
  expect(combineRepeats([run("pass", "ok")])).not.toHaveProperty("repeat");
});

test("a flaky cell is unexpected, listed as flaky in the terminal and the reports; update-expectations makes it intermittent, and the gate then accepts it", async () => {
  const first = await executeRun(CATALOGUE, runRequest(out, { repeat: 3 }));
  const flaky = first.report.results.find((r) => r.scenario === "bind-override.repeat-flaky")!;
  expect(flaky).toMatchObject({ outcome: "fail", repeat: { runs: 3, outcomes: { pass: 2, fail: 1 } } });
  expect(first.report.results.find((r) => r.scenario === "bind-override.repeat-steady")).toMatchObject({
    outcome: "pass",
    repeat: { runs: 3, outcomes: { pass: 3 } },
  });
  expect(first.exitCode).toBe(1);
  expect(first.report.invocation).toMatchObject({ repeat: 3 });

  const lines: string[] = [];
  printVerdict(first, (line) => lines.push(line));
  const text = lines.join("\n");
  expect(text).toContain("  flaky (pass 2, fail 1) bind-override.repeat-flaky [reference]");
  expect(text).toContain("    observed (its least favourable run of 3): run number: expected not a multiple of 3, observed 3");
  expect(text).toMatch(/rerun: .* --repeat 3 --out /);
  expect(text).toContain(
    "Flaky cells (1), each with the outcomes of its 3 runs:\n  bind-override.repeat-flaky [reference]: pass 2, fail 1; expected pass  UNEXPECTED",
  );
  expect(lines).toContain("flaky cells: 1 of 2");
  expect(fs.readFileSync(path.join(out, "summary.md"), "utf8")).toContain("### Flaky cells: 1 of 2, each run 3 times");
  expect(fs.readFileSync(path.join(out, "junit.xml"), "utf8")).toContain('message="unexpected flaky (pass 2, fail 1) (expected pass): run number');
  expect(fs.readFileSync(path.join(out, "report.html"), "utf8")).toMatch(/<button class="c t-red u f"/);

  const file = path.join(out, "reference.json");
  writeExpectationsFromReport(first.report, "reference", file);
  const written = JSON.parse(fs.readFileSync(file, "utf8")) as { expectations: unknown[] };
  expect(written.expectations).toEqual([
    {
      scenario: "bind-override.repeat-flaky",
      outcome: "fail",
      reason: "observed in 3 runs: pass 2, fail 1; the fail: run number: expected not a multiple of 3, observed 3",
      intermittent: true,
    },
  ]);

  runs.clear();
  const second = await executeRun(CATALOGUE, runRequest(path.join(out, "second"), { repeat: 3, expectFiles: [file] }));
  expect(second.exitCode).toBe(0);
  const lines2: string[] = [];
  printVerdict(second, (line) => lines2.push(line));
  expect(lines2.join("\n")).toContain("bind-override.repeat-flaky [reference]: pass 2, fail 1; expected fail or pass (intermittent, as expected)");
});

test("a cell that fails in every run is not flaky; a flaky cell expected to fail that also passed is an unexpected pass", async () => {
  const always = [probe("always", 1)];
  const run = await executeRun(always, runRequest(out, { repeat: 2 }));
  expect(run.report.results[0]).toMatchObject({ outcome: "fail", repeat: { runs: 2, outcomes: { fail: 2 } } });
  const lines: string[] = [];
  printVerdict(run, (line) => lines.push(line));
  expect(lines).toContain("flaky cells: 0 of 1");
  expect(lines).toContain("  fail bind-override.repeat-always [reference]");

  // Expected to fail, it passed in two runs of three: that is an unexpected pass, not a failure.
  runs.clear();
  const file = path.join(out, "reference.json");
  fs.writeFileSync(
    file,
    JSON.stringify({ implementation: "reference", expectations: [{ scenario: "bind-override.repeat-flaky", outcome: "fail", reason: "known" }] }),
  );
  const mixed = await executeRun(CATALOGUE, runRequest(path.join(out, "mixed"), { repeat: 3, expectFiles: [file] }));
  expect(mixed.exitCode).toBe(1);
  expect(mixed.unexpectedPasses.map((r) => r.scenario)).toEqual(["bind-override.repeat-flaky"]);
  expect(mixed.unexpectedFailures).toEqual([]);
});

test("--repeat with a driver and a shard: every row of the shard is repeated", async () => {
  const scenarios = ["bind-override.rebind-after-close", "path-length.one-over-limit-refused", "path-length.far-beyond-limit-refused"];
  const run = await executeRun(
    ALL_SCENARIOS,
    runRequest(out, {
      implementations: [],
      drivers: [{ name: "mylib", command: "node drivers/template/driver.js" }],
      scenarios,
      repeat: 2,
      shard: { index: 1, count: 2 },
    }),
  );
  expect(run.report.results.map((r) => [r.scenario, r.implementation, r.repeat?.runs])).toEqual([
    ["bind-override.rebind-after-close", "mylib", 2],
    ["path-length.one-over-limit-refused", "mylib", 2],
  ]);
  expect(run.report.implementations[0]).toMatchObject({ id: "mylib", start: { kind: "driver", command: "node drivers/template/driver.js" } });
}, 60_000);
