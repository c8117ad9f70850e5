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

const rows = () =>
  JSON.parse(fs.readFileSync(path.join(out, "report.json"), "utf8")).results as Array<{
    implementation?: string;
    binder?: string;
    outcome: string;
    observed: { summary: string };
  }>;

test("reference and libzmq: second processes, ipc://* directories, a changed working directory, two jobs: exit 0 and nothing left", () => {
  const scenarios = [
    "bind-override.across-processes",
    "wildcard.relative-without-temp-variables",
    "wildcard.close-removes-file-and-directory",
    // TMPDIR inside the scenario's directory: libzmq removes its wildcard directory there on its
    // I/O thread while the runner removes the scenario's (Node 22+ rmSync then left it behind).
    "wildcard.generates-connectable-path",
    "wildcard.tmpdir-not-a-directory-skipped",
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
    helper: "error: driver helper: exited (code 1)",
    escaped: expect.stringMatching(/^error: driver escaped: no answer to request \d+ \(create\) within 1000 ms$/),
  });
  expect(check.finish()).toEqual(NOTHING);
}, 90_000);

test("a driver that cannot start stops the run at once: one error naming it, its command, what happened and its stderr; all four reports; exit 2; nothing left", () => {
  const started = Date.now();
  const run = cli(
    "gate",
    "--impl",
    "reference",
    "--driver",
    `garbage=${fixtureCommand("garbage-stdout")}`,
    "--driver",
    "missing=./conformance/no-such-driver",
    "--out",
    out,
  );
  expect(Date.now() - started).toBeLessThan(20_000); // not the whole catalogue: nothing ran (5 s on an idle machine; ts-node's start is most of it)
  expect(run.status).toBe(2);
  expect(run.stdout).toContain("verdict: harness, driver or environment error (exit 2)");
  expect(run.stdout).toContain("no results");
  expect(run.stdout).toMatch(
    /harness error: driver "garbage" could not start: `[^`]+garbage-stdout[^`]*` printed something that is not a protocol line on stdout/,
  );
  expect(run.stdout).toContain(
    'harness error: driver "missing" could not start: `./conformance/no-such-driver` exited (code 127) (127: the shell did not find the command; paths are relative to the directory the harness runs in)\n--- its stderr ---\n/bin/sh: 1: ./conformance/no-such-driver: not found',
  );
  // Once each: no wall of identical error rows.
  expect(run.stdout.match(/could not start/g)).toHaveLength(2);
  expect(run.stdout.split("\n").length).toBeLessThan(40);
  for (const name of ["report.json", "report.html", "junit.xml", "summary.md"]) expect(fs.existsSync(path.join(out, name))).toBe(true);
  expect(rows()).toEqual([]);
  expect(fs.readFileSync(path.join(out, "summary.md"), "utf8")).toContain('driver "missing" could not start');
  expect(check.finish()).toEqual(NOTHING);
}, 90_000);

test("Ctrl-C while a driver hangs: a partial report, exit 2, and nothing left (the driver and the helper it took out of its group included)", async () => {
  const child = spawn(
    process.execPath,
    command([
      "run",
      "--impl",
      "reference",
      "--driver",
      `escaped=${fixtureCommand("leaves-child", "escaped-child")}`,
      "--scenario",
      "bind-override.*",
      "--out",
      out,
    ]),
    {
      cwd: ROOT,
      env: environment(),
    },
  );
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
  expect(stderr).toMatch(/\ninterrupted \(SIGINT\)\n(.|\n)*partial reports in /);
  expect(code).toBe(2);
  const report = JSON.parse(fs.readFileSync(path.join(out, "report.json"), "utf8"));
  expect(report.environment.partial).toBe(true);
  expect(report.results.length).toBeGreaterThan(0);
  // All four, so a CI step that posts summary.md after a cancelled job still has one.
  expect(fs.readFileSync(path.join(out, "summary.md"), "utf8")).toContain("**Partial report**");
  expect(fs.readFileSync(path.join(out, "report.html"), "utf8")).toContain("Partial report:");
  expect(fs.readFileSync(path.join(out, "junit.xml"), "utf8")).toContain('<property name="partial" value="true"/>');
  expect(report.invocation).toEqual({ out });
  expect(check.finish()).toEqual(NOTHING);
}, 90_000);
