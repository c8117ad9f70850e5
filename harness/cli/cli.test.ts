/**
 * The command line's contract: exit codes (0 nothing unexpected, 1 unexpected failures or passes,
 * 2 harness/driver/environment), reports written even when a driver cannot start, and shards
 * whose union is the whole run.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { implementationById } from "../adapters/registry";
import { planTasks } from "../runner/run-matrix";
import { validateReport } from "../report/validate-report";
import { ALL_SCENARIOS } from "../../suites";
import { runCli } from "./cli";
import { executeRun } from "./commands/run";
import { runSettingsJson, type RunRequest } from "../runner/run-request";
import { commandHelp } from "./help";
import { runRequest } from "../testing/run-request";

let out: string;
beforeEach(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "zic-cli-"));
});
afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

const request = (overrides: Partial<RunRequest>): RunRequest => runRequest(out, overrides);

function expectationsFile(implementation: string, expectations: object[]): string {
  const file = path.join(out, `${implementation}.expect.json`);
  fs.writeFileSync(file, JSON.stringify({ implementation, expectations }, null, 2));
  return file;
}

describe("exit codes", () => {
  test("0 when every result is expected (libzmq's known deviation included) and all four reports are written", async () => {
    const run = await executeRun(ALL_SCENARIOS, request({ implementations: ["libzmq"], scenarios: ["bind-override.regular-file-survives"] }));
    expect(run.report.results.map((r) => r.outcome)).toEqual(["non-strict"]);
    expect(run.exitCode).toBe(0);
    for (const name of ["report.json", "report.html", "junit.xml", "summary.md"]) expect(fs.existsSync(path.join(out, name))).toBe(true);
    expect(validateReport(JSON.parse(fs.readFileSync(path.join(out, "report.json"), "utf8")))).toEqual([]);
  });

  test("1 on an unexpected failure, listed as a failure", async () => {
    const expect_ = expectationsFile("libzmq", []);
    const run = await executeRun(
      ALL_SCENARIOS,
      request({ implementations: ["libzmq"], scenarios: ["bind-override.regular-file-survives"], expectFiles: [expect_] }),
    );
    expect(run.exitCode).toBe(1);
    expect(run.unexpectedFailures.map((r) => r.scenario)).toEqual(["bind-override.regular-file-survives"]);
    expect(run.unexpectedPasses).toEqual([]);
  });

  test("1 on an unexpected pass, listed apart from failures", async () => {
    const expect_ = expectationsFile("reference", [{ scenario: "bind-override.rebind-after-close", outcome: "fail", reason: "pretend" }]);
    const run = await executeRun(ALL_SCENARIOS, request({ scenarios: ["bind-override.rebind-after-close"], expectFiles: [expect_] }));
    expect(run.exitCode).toBe(1);
    expect(run.unexpectedPasses.map((r) => r.scenario)).toEqual(["bind-override.rebind-after-close"]);
    expect(run.unexpectedFailures).toEqual([]);
  });

  test("2 when a driver cannot start: nothing runs, the problem is named once, and the report is still written", async () => {
    const run = await executeRun(
      ALL_SCENARIOS,
      request({ scenarios: ["bind-override.rebind-after-close", "interop.push-pull"], drivers: [{ name: "broken", command: "echo not a driver; exit 3" }] }),
    );
    expect(run.exitCode).toBe(2);
    expect(run.harnessErrors).toEqual([
      'driver "broken" could not start: `echo not a driver; exit 3` printed something that is not a protocol line on stdout: "not a driver"\n(it wrote nothing on stderr)',
    ]);
    const report = JSON.parse(fs.readFileSync(path.join(out, "report.json"), "utf8"));
    expect(report.results).toEqual([]);
    expect(report.notes).toEqual(run.harnessErrors);
    expect(report.implementations.map((i: { name: string }) => i.name)).toContain("broken (could not start)");
  });

  test("an unreadable or malformed expectations file is refused before anything runs", async () => {
    await expect(executeRun(ALL_SCENARIOS, request({ expectFiles: [path.join(out, "missing.json")] }))).rejects.toThrow(/missing\.json: cannot be read/);
    const bad = path.join(out, "bad.json");
    fs.writeFileSync(bad, '{ "implementation": "reference", "expectations": [ { "scenario": "nope.*", "outcome": "fail", "reason": "r" } ] }');
    await expect(executeRun(ALL_SCENARIOS, request({ expectFiles: [bad] }))).rejects.toThrow(/bad\.json:1: "nope\.\*" matches no scenario/);
    expect(fs.existsSync(path.join(out, "report.json"))).toBe(false);
  });
});

test("shards are disjoint and their union is the whole run", () => {
  const impls = ["reference", "libzmq"].map(implementationById);
  const all = planTasks(ALL_SCENARIOS, impls).map((t) => t.key);
  const shards = [1, 2, 3].map((index) => planTasks(ALL_SCENARIOS, impls, { index, count: 3 }).map((t) => t.key));
  expect(shards.flat().sort()).toEqual([...all].sort());
  expect(new Set(shards.flat()).size).toBe(all.length);
  expect(Math.max(...shards.map((s) => s.length)) - Math.min(...shards.map((s) => s.length))).toBeLessThanOrEqual(1);
});

describe("the command itself", () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ["-r", require.resolve("ts-node/register/transpile-only"), path.join(__dirname, "main.ts"), ...args], {
      encoding: "utf8",
      env: { ...process.env, CI: "true" },
    });

  test("gate exits 0 and says so; a bad flag exits 2 naming it", () => {
    const ok = cli("gate", "--impl", "reference", "--scenario", "bind-override.rebind-after-close", "--out", out);
    expect(ok.stdout).toContain("running 1 cell (1 scenario) on host");
    expect(ok.stdout).toContain("1 pass (1 cell)");
    expect(ok.stdout).toContain("verdict: nothing unexpected (exit 0)");
    expect(ok.status).toBe(0);
    const bad = cli("run", "--shard", "4/3", "--out", out);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--shard takes i/n with 1 <= i <= n, got "4/3"');
  }, 60_000);

  test("run --request FILE takes every setting from the file (what a platform elsewhere is handed), and no other flag beside it", () => {
    const file = path.join(out, "request.json");
    fs.writeFileSync(
      file,
      runSettingsJson(request({ scenarios: ["bind-override.rebind-after-close"], repeat: 2 }), {
        platforms: ["host"],
        out: path.join(out, "r"),
        expectFiles: [],
      }),
    );
    const ran = cli("run", "--request", file);
    expect(ran.status).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(out, "r", "report.json"), "utf8"));
    expect(report.results.map((r: { scenario: string; repeat?: { runs: number } }) => [r.scenario, r.repeat?.runs])).toEqual([
      ["bind-override.rebind-after-close", 2],
    ]);
    const mixed = cli("run", "--request", file, "--jobs", "2");
    expect({ status: mixed.status, stderr: mixed.stderr }).toEqual({
      status: 2,
      stderr: "zmq-ipc-conformance: --request carries every setting of the run: give no other flag with it (got --jobs)\n",
    });
    fs.writeFileSync(file, "{}");
    const broken = cli("run", "--request", file);
    expect({ status: broken.status, stderr: broken.stderr }).toEqual({
      status: 2,
      stderr: `zmq-ipc-conformance: --request ${file}: "implementations" must be an array of strings\n`,
    });
  }, 60_000);

  test("list shows every scenario", () => {
    const listed = cli("list", "--json");
    expect(listed.status).toBe(0);
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(ALL_SCENARIOS.length);
  }, 60_000);
});

describe("platforms", () => {
  test("an unknown platform is a usage error naming the known ones", async () => {
    await expect(executeRun(ALL_SCENARIOS, request({ platforms: ["nowhere"] }))).rejects.toThrow(
      /unknown platform "nowhere" \(known: host, linux-debian12, linux-debian13, host-node20, host-node22, host-node24, host-node26, agent-debian12, freebsd-qemu, freebsd\)/,
    );
  });

  test("a Node runtime platform runs the CLI again under that Node, from this directory, and its rows and facts come back merged", async () => {
    const own = `host-node${process.versions.node.split(".")[0]}`;
    const run = await executeRun(ALL_SCENARIOS, request({ platforms: ["host", own], scenarios: ["bind-override.rebind-after-close"] }));
    expect(run.exitCode).toBe(0);
    expect(run.report.results.map((r) => `${r.platform} ${r.outcome}`)).toEqual(["host pass", `${own} pass`]);
    expect(run.report.platforms?.find((p) => p.id === own)).toMatchObject({ status: "run", node: process.version, libuv: process.versions.uv });
    expect(fs.existsSync(path.join(out, "platforms", own, "report.json"))).toBe(true);
  }, 60_000);

  test("freebsd-qemu without its image is NOT RUN naming the command that builds it, and the run exits 2", async () => {
    const previous = process.env.ZIC_FREEBSD_IMAGE;
    process.env.ZIC_FREEBSD_IMAGE = path.join(out, "no-such-image.iso");
    try {
      const run = await executeRun(
        ALL_SCENARIOS,
        request({ platforms: ["freebsd-qemu"], implementations: ["libzmq-c"], scenarios: ["bind-override.rebind-after-close"] }),
      );
      expect(run.exitCode).toBe(2);
      const entry = run.report.platforms?.find((p) => p.id === "freebsd-qemu");
      expect(entry).toMatchObject({
        status: "not-run",
        reason: expect.stringContaining("build it with `bash docker/freebsd/build-image.sh FREEBSD_SOURCE_TREE`"),
      });
      expect(run.report.results).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.ZIC_FREEBSD_IMAGE;
      else process.env.ZIC_FREEBSD_IMAGE = previous;
    }
  });

  test("a platform this machine cannot reach is reported not-run with its reason, never as passed, and the run exits 2", async () => {
    const run = await executeRun(ALL_SCENARIOS, request({ platforms: ["host", "freebsd"], scenarios: ["bind-override.rebind-after-close"] }));
    expect(run.exitCode).toBe(2);
    expect(run.harnessErrors.join("\n")).toMatch(/platform freebsd not run: needs a FreeBSD machine/);
    const report = JSON.parse(fs.readFileSync(path.join(out, "report.json"), "utf8"));
    expect(validateReport(report)).toEqual([]);
    const freebsd = report.platforms.find((p: { id: string }) => p.id === "freebsd");
    expect(freebsd).toMatchObject({ status: "not-run", reason: expect.stringMatching(/docker\/freebsd\/README\.md/) });
    expect(report.results.filter((r: { platform: string }) => r.platform === "freebsd")).toEqual([]);
    expect(report.results.map((r: { platform: string; outcome: string }) => `${r.platform} ${r.outcome}`)).toEqual(["host pass"]);
    // Each platform that ran keeps its own reports beside the merged ones.
    expect(fs.existsSync(path.join(out, "platforms", "host", "report.json"))).toBe(true);
  });

  test("the host run records the platform's facts in the report", async () => {
    const run = await executeRun(ALL_SCENARIOS, request({ scenarios: ["bind-override.rebind-after-close"] }));
    expect(run.report.platforms).toEqual([expect.objectContaining({ id: "host", status: "run", node: process.version, libuv: process.versions.uv })]);
  });

  test("scenarios that need separate containers are not planned on the host", async () => {
    const logged: string[] = [];
    const run = await executeRun(ALL_SCENARIOS, request({ suites: ["isolation", "endpoint-syntax"], log: (line) => logged.push(line) }));
    expect(run.report.results.some((r) => r.suite === "isolation")).toBe(false);
    expect(run.report.results.length).toBeGreaterThan(0);
    expect(logged.join("\n")).toMatch(/3 scenarios need separate containers and run on container platforms only/);
  });
});

describe("report: merging shards judges like the gate", () => {
  /** The command in this process: its lines and exit code. */
  async function command(...argv: string[]): Promise<{ code: number; lines: string[]; errors: string }> {
    const lines: string[] = [];
    let errors = "";
    const code = await runCli(argv, { line: (text) => lines.push(text), error: (text) => (errors += text) });
    return { code, lines, errors };
  }

  test("exits 1 when the merged rows hold an unexpected result, 0 when an --expect file expects it, and records its own --out", async () => {
    const scenarios = ["bind-override.regular-file-survives", "bind-override.rebind-after-close"];
    // Two shards of libzmq judged by an empty expectations file: regular-file-survives is non-strict, unexpected.
    const strict = expectationsFile("libzmq", []);
    for (const index of [1, 2]) {
      await executeRun(
        ALL_SCENARIOS,
        request({ implementations: ["libzmq"], scenarios, expectFiles: [strict], out: path.join(out, `shard-${index}`), shard: { index, count: 2 } }),
      );
    }
    const shards = [1, 2].map((i) => path.join(out, `shard-${i}`, "report.json"));
    const merged = path.join(out, "merged");
    const plain = await command("report", "--out", merged, ...shards);
    expect(plain.code).toBe(1);
    expect(plain.lines).toContain("merged 2 reports (2 rows)");
    expect(plain.lines.join("\n")).toContain("Unexpected results (1):\n  non-strict bind-override.regular-file-survives [libzmq]");
    expect(plain.lines).toContain("verdict: unexpected results (exit 1)");
    const report = JSON.parse(fs.readFileSync(path.join(merged, "report.json"), "utf8"));
    expect(report.invocation).toEqual({ out: merged });
    expect(report.implementations[0]).toMatchObject({ id: "libzmq", start: { kind: "in-process" }, expectations: strict });

    const lenient = expectationsFile("libzmq", [
      { scenario: "bind-override.regular-file-survives", outcome: "non-strict", reason: "unlinks what is there", link: "https://example.org/1" },
    ]);
    const judged = await command("report", "--expect", lenient, "--out", merged, ...shards);
    expect(judged.code).toBe(0);
    expect(judged.lines.join("\n")).toContain(`because: unlinks what is there (${lenient}:4 https://example.org/1)`);
    const again = JSON.parse(fs.readFileSync(path.join(merged, "report.json"), "utf8"));
    expect(again.results.find((r: { scenario: string }) => r.scenario === "bind-override.regular-file-survives")).toMatchObject({
      expected: ["non-strict"],
      expectation: { reason: "unlinks what is there", link: "https://example.org/1", source: `${lenient}:4` },
    });
    expect(again.implementations[0].expectations).toBe(lenient);

    // An --expect file for an implementation the reports do not hold is refused, as for a run.
    const stranger = expectationsFile("mylib", []);
    const refused = await command("report", "--expect", stranger, "--out", merged, ...shards);
    expect({ code: refused.code, errors: refused.errors }).toEqual({
      code: 2,
      errors: expect.stringContaining('is for "mylib", which this run does not include'),
    });
  }, 60_000);

  test("a schemaVersion 1 report is read, with a note that its reruns name every implementation by --impl", async () => {
    const run = await executeRun(ALL_SCENARIOS, request({ scenarios: ["bind-override.rebind-after-close"], out: path.join(out, "v2") }));
    const v1 = { ...run.report, schemaVersion: 1 } as Record<string, unknown>;
    for (const field of ["invocation"]) delete v1[field];
    v1.implementations = run.report.implementations.map(({ id, name, version }) => ({ id, name, version }));
    const file = path.join(out, "v1.json");
    fs.writeFileSync(file, JSON.stringify(v1));
    const merged = await command("report", "--out", path.join(out, "from-v1"), file);
    expect(merged.code).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(out, "from-v1", "report.json"), "utf8"));
    expect(report.schemaVersion).toBe(3);
    expect(report.notes.join("\n")).toMatch(/migrated from report.json schemaVersion 1/);
  }, 60_000);
});

test("gate's help does not call --expect required: without it, the shipped file or nothing is expected", () => {
  expect(commandHelp("gate").split("\n")[0]).toBe("Usage: zmq-ipc-conformance gate [--driver NAME=COMMAND] [--expect FILE] [options]");
});
