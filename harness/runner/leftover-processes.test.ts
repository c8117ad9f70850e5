/**
 * A scenario (or a driver) that leaves a process running: the harness ends it and says so, by pid
 * and command. Alone in the process (one job, or an exclusive scenario), the scenario's row is
 * `error`; side by side (--jobs), the run names it as a harness error. Afterwards nothing is left
 * (harness/testing/leak-check.ts looks, by ancestry and by an inherited environment tag).
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { referenceImplementation } from "../adapters/reference-adapter";
import { executeRun } from "../cli/commands/run";
import type { RunRequest } from "./run-request";
import { runRequest } from "../testing/run-request";
import { expectGone, fixtureCommand } from "../driver/__tests__/helpers";
import { scenario, type Scenario } from "../model/scenario";
import { LeakCheck } from "../testing/leak-check";
import type { ScenarioContext } from "../model/scenario-context";
import { runMatrix } from "./run-matrix";

const ROOT = path.join(__dirname, "..", "..");
const NOTHING = { processes: [], files: [] };

function probe(what: string, run: (ctx: ScenarioContext) => Promise<void>, extra: Partial<Parameters<typeof scenario>[0]> = {}): Scenario {
  return scenario({ id: `endpoint-lifecycle.leftover-${what}`, clause: "ipc.bind.pathname", level: "MUST", title: what, run, ...extra });
}

/** Starts `sleep 1000` and forgets it: what a careless scenario (or helper) does. */
const leavesSleep = probe("sleep", async () => {
  spawn("sleep", ["1000"], { stdio: "ignore" });
});

const plain = probe("plain", async (ctx) => {
  const pull = await ctx.socket(ctx.impl, "PULL");
  await pull.bind(ctx.endpoint("plain.sock"));
});

/** The pid in "pid 123 (sleep 1000)". */
const pidIn = (text: string) => Number(/pid (\d+) \(sleep 1000\)/.exec(text)?.[1]);

let check: LeakCheck;
beforeEach(() => {
  check = LeakCheck.start({ inProcess: true, watch: [ROOT] });
});
afterEach(() => check.finish()); // cleanup only: each test asserts on its own finish()

describe("alone in the process, the scenario that left it is blamed", () => {
  test("its row is error, naming the pid and the command, with the scenario's own result; the process is gone", async () => {
    const [row] = await runMatrix([leavesSleep], { implementations: [referenceImplementation()], multiplier: 1 });
    expect(row.outcome).toBe("error");
    expect(row.observed.summary).toMatch(
      /^left a process running, killed by the harness: pid \d+ \(sleep 1000\); the scenario itself: pass \(every check held\)$/,
    );
    await expectGone(pidIn(row.observed.summary));
    expect(check.finish()).toEqual(NOTHING);
  });

  test("a scenario cut off at its limit stays a timeout, with what it left named and ended", async () => {
    const hangs = probe(
      "hangs",
      async () => {
        spawn("sleep", ["1000"], { stdio: "ignore" });
        await new Promise(() => undefined);
      },
      { timeoutMs: 100 },
    );
    const [row] = await runMatrix([hangs], { implementations: [referenceImplementation()], multiplier: 1 });
    expect(row.outcome).toBe("timeout");
    expect(row.observed.summary).toMatch(/^no verdict within 100 ms; left a process running, killed by the harness: pid \d+ \(sleep 1000\)$/);
    expect(check.finish()).toEqual(NOTHING);
  });

  test("a scenario that leaves nothing is not touched", async () => {
    const [row] = await runMatrix([plain], { implementations: [referenceImplementation()], multiplier: 1 });
    expect(row.outcome).toBe("pass");
    expect(row.observed.summary).toBe("every check held");
    expect(check.finish()).toEqual(NOTHING);
  });
});

describe("executeRun", () => {
  let out: string;
  beforeEach(() => {
    out = path.join(check.tmpdir, "..", `${path.basename(check.tmpdir)}-out`);
  });
  afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

  const request = (overrides: Partial<RunRequest>): RunRequest => runRequest(out, { multiplier: 1, ...overrides });

  test("side by side (--jobs 2) no scenario can be blamed: the run ends it, names it as a harness error and a report note, and exits 2", async () => {
    const run = await executeRun([leavesSleep, plain], request({ jobs: 2 }));
    expect(run.report.results.map((r) => r.outcome)).toEqual(["pass", "pass"]);
    expect(run.harnessErrors).toEqual([expect.stringMatching(/^after the run: left a process running, killed by the harness: pid \d+ \(sleep 1000\)$/)]);
    expect(run.exitCode).toBe(2);
    const written = JSON.parse(fs.readFileSync(path.join(out, "report.json"), "utf8"));
    expect(written.notes).toEqual([run.harnessErrors[0]]);
    expect(check.finish()).toEqual(NOTHING);
  });

  // The driver's helper process, started two ways; the harness cannot be told about either.
  test.each([
    { mode: "crash-with-child", how: "in the driver's group, holding its stdout, when the driver crashes", fault: /exited \(code 1\)/ },
    {
      mode: "escaped-child",
      how: "out of the driver's group (setsid) and deaf to SIGTERM, when the driver hangs",
      fault: /no answer to request \d+ \(create\)/,
    },
  ])("a driver's helper $how: the row is error and nothing is left", async ({ mode, fault }) => {
    // 0.2: a request may take 1 s, so the hung driver costs 1 s, not 5.
    const run = await executeRun(
      [plain],
      request({ implementations: [], drivers: [{ name: "careless", command: fixtureCommand("leaves-child", mode) }], multiplier: 0.2 }),
    );
    expect(run.report.results.map((r) => r.outcome)).toEqual(["error"]);
    expect(run.report.results[0].observed.summary).toMatch(fault);
    expect(run.exitCode).toBe(2);
    expect(check.finish()).toEqual(NOTHING);
  });
});
