/**
 * End to end: a run with the reference (in process) and a driver that hangs in the middle of the
 * run. The hung scenario is `error` with the driver's stderr in its summary, the driver is started
 * again for the scenarios after it, the reference's rows are untouched, and the run finishes.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { referenceImplementation } from "../adapters/reference-adapter";
import { executeRun } from "../cli/commands/run";
import type { RunRequest } from "../runner/run-request";
import { runRequest } from "../testing/run-request";
import { scenario, type Scenario } from "../model/scenario";
import type { ScenarioContext } from "../model/scenario-context";
import { runMatrix } from "../runner/run-matrix";
import { startDriver } from "./driver-implementation";
import { announcedPid, expectGone, fixtureCommand, HANG_MS, LIMITS } from "./__tests__/helpers";

// executeRun starts --driver commands with startDriver(name, command) and the default limits
// (10 s per request, whatever TIMEOUT_MULTIPLIER says): there is no way to pass smaller ones down,
// so this file gives startDriver its small limits here.
jest.mock("./driver-implementation", () => {
  const actual = jest.requireActual("./driver-implementation");
  const small = { helloMs: 3000, requestMs: 300, maxLineBytes: 256 * 1024, stderrBytes: 4096, stderrDrainMs: 2000 };
  return { ...actual, startDriver: (name: string, command: string, _limits: unknown, cwd?: string) => actual.startDriver(name, command, small, cwd) };
});

/** A PUSH/PULL exchange at `<scenario dir>/<socketName>`; the scripted driver deadlocks binding "hang.sock". */
function exchange(what: string, socketName: string): Scenario {
  return scenario({
    id: `endpoint-lifecycle.driver-run-${what}`,
    clause: "ipc.bind.pathname",
    level: "MUST",
    title: `driver run probe: ${what}`,
    async run(ctx: ScenarioContext) {
      const pull = await ctx.socket(ctx.impl, "PULL");
      await pull.bind(ctx.endpoint(socketName));
      const push = await ctx.socket(ctx.impl, "PUSH");
      await push.connect(ctx.endpoint(socketName));
      await push.send(["across"]);
      await ctx.expectMessage(pull, "the message", ["across"]);
    },
  });
}

const CATALOGUE = [exchange("before", "before.sock"), exchange("hangs", "hang.sock"), exchange("after", "after.sock")];

const outcomes = (rows: Array<{ scenario: string; implementation?: string; outcome: string }>, implementation: string) =>
  Object.fromEntries(
    rows.filter((row) => row.implementation === implementation).map((row) => [row.scenario.replace("endpoint-lifecycle.driver-run-", ""), row.outcome]),
  );

function expectHungRow(row: { outcome: string; observed: { summary: string }; durationMs: number } | undefined): void {
  expect(row?.outcome).toBe("error");
  expect(row?.observed.summary).toMatch(
    new RegExp(`^driver hangs: no answer to request \\d+ \\(bind\\) within ${HANG_MS} ms\n--- driver stderr \\(last lines\\) ---\n`),
  );
  expect(row?.observed.summary).toContain("fake_zmq: deadlock in bind (waiting on a mutex nobody releases)");
  expect(row?.durationMs).toBeLessThan(HANG_MS + 1000);
}

test("runMatrix: the hung driver's scenario is error, its others pass on a restarted driver, the reference's rows all pass", async () => {
  const hangs = await startDriver("hangs", fixtureCommand("scripted", "hangs"), { ...LIMITS, requestMs: HANG_MS });
  try {
    const started = performance.now();
    const rows = await runMatrix(CATALOGUE, { implementations: [referenceImplementation(), hangs], multiplier: 1 });
    expect(outcomes(rows, "reference")).toEqual({ before: "pass", hangs: "pass", after: "pass" });
    expect(outcomes(rows, "hangs")).toEqual({ before: "pass", hangs: "error", after: "pass" });
    const hung = rows.find((row) => row.implementation === "hangs" && row.scenario.endsWith("-hangs"));
    expectHungRow(hung);
    expect(hangs.restarts).toBe(1);
    await expectGone(announcedPid(hung!.observed.summary));
    expect(performance.now() - started).toBeLessThan(HANG_MS + 1500);
  } finally {
    await hangs.kill();
  }
});

describe("executeRun (--driver hangs=COMMAND)", () => {
  let out: string;
  beforeEach(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "zic-driver-run-"));
  });
  afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

  test("finishes, reports the hung scenario as error with the driver's stderr, and exits 2", async () => {
    const request: RunRequest = runRequest(out, { drivers: [{ name: "hangs", command: fixtureCommand("scripted", "hangs") }], multiplier: 1 });
    const run = await executeRun(CATALOGUE, request);
    const rows = JSON.parse(fs.readFileSync(path.join(out, "report.json"), "utf8")).results;
    expect(outcomes(rows, "reference")).toEqual({ before: "pass", hangs: "pass", after: "pass" });
    expect(outcomes(rows, "hangs")).toEqual({ before: "pass", hangs: "error", after: "pass" });
    expectHungRow(rows.find((row: { implementation?: string; scenario: string }) => row.implementation === "hangs" && row.scenario.endsWith("-hangs")));
    expect(run.exitCode).toBe(2);
    expect(run.harnessErrors).toHaveLength(1);
    expect(run.harnessErrors[0]).toMatch(
      new RegExp(`^endpoint-lifecycle\\.driver-run-hangs: driver hangs: no answer to request \\d+ \\(bind\\) within ${HANG_MS} ms$`),
    );
    expect(run.unexpectedFailures.map((row) => `${row.scenario}[${row.implementation}]`)).toEqual(["endpoint-lifecycle.driver-run-hangs[hangs]"]);
    expect(fs.readFileSync(path.join(out, "summary.md"), "utf8")).toContain("driver-run-hangs");
  });
});
