/**
 * After the real command has run, nothing it started is left: no process (the CLI, its drivers,
 * what they started, the scenarios' second processes), no file in its TMPDIR (the scenarios'
 * zic-* directories, ipc://* directories), nothing new in the working tree; and broken drivers
 * (crashing, flooding stdout, leaving helpers) cost their rows, never the report or the exit code
 * of the contract. harness/testing/leak-check.ts does the looking.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fixtureCommand } from "../driver/__tests__/helpers";
import { validateReport } from "../report/validate-report";
import { LeakCheck } from "../testing/leak-check";

const ROOT = path.join(__dirname, "..", "..");
const NOTHING = { processes: [], files: [] };

let work: string;
let out: string;
let check: LeakCheck;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "zic-cli-leaks-"));
  out = path.join(work, "out");
  fs.mkdirSync(out);
  check = LeakCheck.start({ watch: [ROOT, work] });
});
afterEach(() => {
  check.finish(); // cleanup only: each test asserts on its own finish()
  fs.rmSync(work, { recursive: true, force: true });
});

/** The command as a user runs it (from the TS sources here), in the check's environment. */
function cli(...args: string[]) {
  return spawnSync(process.execPath, command(args), { cwd: ROOT, encoding: "utf8", env: environment() });
}

const command = (args: string[]) => ["-r", require.resolve("ts-node/register/transpile-only"), path.join(__dirname, "main.ts"), ...args];

function environment(): NodeJS.ProcessEnv {
  return {
    ...check.env,
    CI: "true",
    // ts-node's compile cache would go to the private TMPDIR and look like a leftover of the run:
    // it goes where it goes in any other run instead.
    V8_COMPILE_CACHE_CACHE_DIR: path.join(os.tmpdir(), `v8-compile-cache-${process.getuid?.() ?? 0}`, process.versions.v8),
  };
}

const rows = () => JSON.parse(fs.readFileSync(path.join(out, "report.json"), "utf8")).results as Array<{ implementation?: string; binder?: string; outcome: string; observed: { summary: string } }>;

test("reference and libzmq: second processes, ipc://* directories, a changed working directory, two jobs: exit 0 and nothing left", () => {
  const scenarios = [
    "bind-override.across-processes",
    "wildcard.relative-without-temp-variables",
    "wildcard.close-removes-file-and-directory",
    "endpoint-lifecycle.working-directory",
    "abstract-namespace.bind-and-deliver",
    "interop.push-pull",
  ];
  const run = cli("run", "--impl", "reference,libzmq", "--scenario", scenarios.join(","), "--jobs", "2", "--out", out);
  expect(run.stderr).toBe("");
  expect(run.stdout).toContain("verdict: nothing unexpected (exit 0)");
  expect(run.status).toBe(0);
  expect(rows().length).toBeGreaterThanOrEqual(scenarios.length * 2);
  expect(check.finish()).toEqual(NOTHING);
}, 90_000);

test("drivers that crash, flood stdout and leave helpers behind: their rows are error, the report is written, exit 2, nothing left", () => {
  const drivers = {
    crash: fixtureCommand("crash-on-first-request"),
    flood: fixtureCommand("flood-mid-run"),
    garbage: fixtureCommand("garbage-stdout"),
    helper: fixtureCommand("leaves-child", "crash-with-child"),
    escaped: fixtureCommand("leaves-child", "escaped-child"),
  };
  // 0.2: a driver request may take 1 s (the escaped helper's driver hangs), a scenario 1.6 s.
  const flags = Object.entries(drivers).flatMap(([name, command]) => ["--driver", `${name}=${command}`]);
  const run = cli("run", "--impl", "reference", ...flags, "--scenario", "bind-override.rebind-after-close", "--timeout-multiplier", "0.2", "--out", out);
  expect(run.stdout).toContain("verdict: harness, driver or environment error (exit 2)");
  expect(run.status).toBe(2);
  const report = JSON.parse(fs.readFileSync(path.join(out, "report.json"), "utf8"));
  expect(validateReport(report)).toEqual([]);
  const outcome = Object.fromEntries(rows().map((row) => [row.implementation, `${row.outcome}: ${row.observed.summary.split("\n")[0]}`]));
  expect(outcome).toEqual({
    reference: "pass: every check held",
    crash: "error: driver crash: exited (code 1)",
    flood: expect.stringMatching(/^error: driver flood: printed a line longer than \d+ bytes on stdout \(flood\)$/),
    garbage: expect.stringMatching(/^error: implementation could not be started: driver garbage: printed something that is not a protocol line/),
    helper: "error: driver helper: exited (code 1)",
    escaped: expect.stringMatching(/^error: driver escaped: no answer to request \d+ \(create\) within 1000 ms$/),
  });
  expect(check.finish()).toEqual(NOTHING);
}, 90_000);

test("Ctrl-C while a driver hangs: a partial report, exit 2, and nothing left (the driver and the helper it took out of its group included)", async () => {
  const child = spawn(process.execPath, command(["run", "--impl", "reference", "--driver", `escaped=${fixtureCommand("leaves-child", "escaped-child")}`, "--scenario", "bind-override.*", "--out", out]), {
    cwd: ROOT,
    env: environment(),
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  // Interrupt once the escaped driver is hanging on its first request (the reference's rows come first).
  await new Promise<void>((resolve) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (/\[reference\]/.test(stdout) && /running \d+ cells/.test(stdout)) resolve();
    });
  });
  child.kill("SIGINT");
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(stderr).toMatch(/\ninterrupted\n(.|\n)*partial report in /);
  expect(code).toBe(2);
  const report = JSON.parse(fs.readFileSync(path.join(out, "report.json"), "utf8"));
  expect(report.environment.partial).toBe(true);
  expect(report.results.length).toBeGreaterThan(0);
  expect(check.finish()).toEqual(NOTHING);
}, 90_000);
