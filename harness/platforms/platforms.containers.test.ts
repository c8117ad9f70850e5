/**
 * The container platforms end to end (`npm run test:containers`): the compiled CLI runs the host
 * and both Debian images in one command and merges them; the non-root and cross-container
 * scenarios give the outcomes they should; nothing is left behind. Needs a running engine and
 * the images (bash docker/start-dockerd.sh && bash docker/build-images.sh): without them these
 * tests FAIL with the command to run, they never skip.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isUnexpected } from "../model/outcome";
import type { Report } from "../report/report-json";
import { validateReport } from "../report/validate-report";
import { EngineUnavailable, removeOrphans, requireEngine, requireImage, testcontainers } from "./container-engine";
import { PLATFORM_TARGETS } from "./targets";
import { commandsUnder, readBlocks } from "../../docs/__tests__/code-blocks";

const ROOT = path.join(__dirname, "..", "..");
const CLI = path.join(ROOT, "dist", "harness", "cli", "main.js");
const CONTAINER_PLATFORMS = PLATFORM_TARGETS.filter((t) => t.kind === "container");

beforeAll(async () => {
  await requireEngine();
  for (const target of CONTAINER_PLATFORMS) await requireImage(target.image, target.build);
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: npm run build`);
});
const outs: string[] = [];
afterAll(() => {
  for (const dir of outs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The compiled CLI's `run` into a fresh output directory, as CI runs it. */
function cli(...args: string[]): { status: number | null; stdout: string; report: Report; out: string } {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "zic-containers-test-"));
  outs.push(out);
  const run = spawnSync(process.execPath, [CLI, "run", "--out", out, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "true" } });
  const file = path.join(out, "report.json");
  if (!fs.existsSync(file)) throw new Error(`no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  return { status: run.status, stdout: run.stdout + run.stderr, report: JSON.parse(fs.readFileSync(file, "utf8")) as Report, out };
}

/** Containers this process's runs started and did not remove (they carry the org.zic.platform label). */
async function leftoverContainers(): Promise<string[]> {
  const client = await testcontainers().getContainerRuntimeClient();
  const all = await client.container.list();
  return all.filter((c) => c.Labels?.["org.zic.platform"] !== undefined).map((c) => `${c.Id.slice(0, 12)} ${c.Image} ${c.State}`);
}

const zicTemporaries = () => fs.readdirSync(os.tmpdir()).filter((name) => /^zic-(platform|shared)-/.test(name));

describe("one run on the host and both Debian containers", () => {
  let run: ReturnType<typeof cli>;
  const byPlatform = (id: string) => run.report.results.filter((r) => r.platform === id);
  const row = (platform: string, scenario: string, who: string) =>
    run.report.results.find((r) => r.platform === platform && r.scenario === scenario && (r.implementation ?? `${r.binder}->${r.connecter}`) === who);

  beforeAll(() => {
    run = cli("--impl", "reference,libzmq", "--platform", "host,linux-debian12,linux-debian13");
  });

  test("exits 0 with one valid merged report listing the three platforms with their facts", () => {
    // On failure the diff names the unexpected rows with what was observed, not just the status.
    const unexpected = run.report.results
      .filter(isUnexpected)
      .map((r) => `${r.platform} ${r.scenario} [${r.implementation ?? `${r.binder}->${r.connecter}`}] ${r.outcome}: ${r.observed.summary}`);
    expect({ status: run.status, unexpected }).toEqual({ status: 0, unexpected: [] });
    expect(validateReport(run.report)).toEqual([]);
    expect(run.report.platforms?.map((p) => [p.id, p.status])).toEqual([
      ["host", "run"],
      ["linux-debian12", "run"],
      ["linux-debian13", "run"],
    ]);
    for (const platform of run.report.platforms ?? []) {
      expect(platform).toEqual(
        expect.objectContaining({
          node: expect.stringMatching(/^v\d+\./),
          libc: expect.stringMatching(/^glibc 2\.\d+/),
          libzmq: expect.stringMatching(/^4\./),
        }),
      );
    }
    const facts = Object.fromEntries((run.report.platforms ?? []).map((p) => [p.id, p]));
    expect(facts["linux-debian12"].distro).toMatch(/Debian GNU\/Linux 12/);
    expect(facts["linux-debian13"].distro).toMatch(/Debian GNU\/Linux 13/);
    expect(facts["linux-debian12"].user).toMatch(/^uid 1000\b/);
    expect(facts["linux-debian13"].user).toMatch(/^uid 1000\b/);
  });

  test("every platform ran every in-place cell; each keeps its own reports", () => {
    const host = byPlatform("host").filter((r) => r.suite !== "isolation");
    expect(host.length).toBeGreaterThan(300);
    for (const id of ["linux-debian12", "linux-debian13"]) {
      expect(byPlatform(id).filter((r) => r.suite !== "isolation").length).toBe(host.length);
      expect(fs.existsSync(path.join(run.out, "platforms", id, "report.json"))).toBe(true);
      expect(fs.readFileSync(path.join(run.out, "platforms", id, "run.log"), "utf8")).toMatch(new RegExp(`running \\d+ cells .* on ${id}`));
    }
  });

  test("the cross-container scenarios run on the container platforms only, with the outcomes they should", () => {
    expect(byPlatform("host").filter((r) => r.suite === "isolation")).toEqual([]);
    for (const id of ["linux-debian12", "linux-debian13"]) {
      for (const who of ["reference->reference", "reference->libzmq", "libzmq->reference", "libzmq->libzmq"]) {
        expect(row(id, "isolation.path-socket-across-containers", who)?.outcome).toBe("pass");
      }
      // libzmq has abstract names everywhere: across network namespaces nothing arrives, within one it does.
      expect(row(id, "isolation.abstract-stays-in-network-namespace", "libzmq->libzmq")?.outcome).toBe("pass");
      expect(row(id, "isolation.abstract-shared-network-namespace", "libzmq->libzmq")?.outcome).toBe("pass");
    }
  });

  test("as the containers' non-root user, the permission scenarios run unprivileged and hold", () => {
    for (const id of ["linux-debian12", "linux-debian13"]) {
      for (const impl of ["reference", "libzmq"]) {
        const unwritable = row(id, "endpoint-lifecycle.unwritable-directory-refused", impl);
        expect([unwritable?.outcome, unwritable?.observed.values["bound as"]]).toEqual(["pass", "uid 1000"]);
        expect(row(id, "endpoint-lifecycle.connect-needs-write-permission", impl)?.outcome).toBe("pass");
        expect(row(id, "wildcard.directory-mode-0700", impl)?.outcome).toBe("pass");
      }
    }
  });

  test("leaves no container and no exchange directory behind", async () => {
    expect(await leftoverContainers()).toEqual([]);
    expect(zicTemporaries()).toEqual([]);
  });
});

describe("what the containers add to a run", () => {
  test("an --expect file reaches the run inside the container", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "zic-containers-test-")), "reference.expect.json");
    outs.push(path.dirname(file));
    fs.writeFileSync(
      file,
      JSON.stringify({ implementation: "reference", expectations: [{ scenario: "bind-override.rebind-after-close", outcome: "fail", reason: "pretend" }] }),
    );
    const run = cli("--impl", "reference", "--scenario", "bind-override.rebind-after-close", "--platform", "linux-debian13", "--expect", file);
    expect(run.status).toBe(1);
    expect(run.report.results.map((r) => [r.platform, r.outcome, r.expected])).toEqual([["linux-debian13", "pass", ["fail"]]]);
    expect(run.stdout).toMatch(/\[linux-debian13\] pass +bind-override.rebind-after-close \[reference\].*UNEXPECTED/);
  });

  test("the Debian-packaged peers run inside both images, the C driver compiled there against the image's libzmq", () => {
    const peers = ["jeromq", "libzmq-c", "pyzmq"];
    const run = cli("--impl", peers.join(","), "--scenario", "interop.push-pull", "--platform", "linux-debian12,linux-debian13");
    expect(run.report.implementations.map((i) => i.id).sort()).toEqual(peers);
    const cells = run.report.results.map((r) => `${r.platform} ${r.binder}->${r.connecter}`).sort();
    const pairs = peers.flatMap((binder) => peers.map((connecter) => `${binder}->${connecter}`));
    expect(cells).toEqual(["linux-debian12", "linux-debian13"].flatMap((p) => pairs.map((w) => `${p} ${w}`)).sort());
    expect(run.report.results.every((r) => r.outcome !== "error")).toBe(true);
    expect(run.status).toBe(0);
  });

  test(
    "a remote machine through its site agent: the documented agent-debian12 run of the C driver, nothing unexpected",
    () => {
      const [command] = commandsUnder(readBlocks(path.join(ROOT, "docs", "platforms.md"), "docs/platforms.md"), "Remote machines");
      const args = command.text.replace(/^npx zmq-ipc-conformance run /, "").split(/\s+/);
      const out = args[args.indexOf("--out") + 1];
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zic-containers-test-"));
      outs.push(dir);
      const run = spawnSync(process.execPath, [CLI, "run", ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, CI: "true" } });
      expect({ status: run.status, tail: run.stdout.split("\n").slice(-3).join("\n") }).toEqual({
        status: 0,
        tail: expect.stringContaining("verdict: nothing unexpected"),
      });
      const report = JSON.parse(fs.readFileSync(path.join(dir, out, "report.json"), "utf8")) as Report;
      expect(validateReport(report)).toEqual([]);
      expect(report.platforms).toEqual([
        expect.objectContaining({
          id: "agent-debian12",
          os: "linux",
          status: "run",
          reachedThrough: expect.stringMatching(/^site agent at 127\.0\.0\.1:\d+$/),
        }),
      ]);
      expect(report.implementations.map((impl) => [impl.id, impl.version])).toEqual([["libzmq-c", expect.stringMatching(/^4\.3\.4 \(libzmq-c driver/)]]);
      // What needs the harness's own machine is skipped, as its metadata says; everything else ran there.
      const skipped = report.results.filter((row) => row.outcome === "skipped");
      expect(skipped.every((row) => row.expectation?.source === "scenario metadata" && row.expected.includes("skipped"))).toBe(true);
      expect(skipped.map((row) => row.scenario)).toEqual(
        expect.arrayContaining(["robustness.flag-abuse", "zmtp-wire.error-command-closes", "bind-override.across-processes"]),
      );
      expect(report.results.length - skipped.length).toBeGreaterThanOrEqual(0.6 * report.results.length);
      // Files, sockets and raw peers were the container's: the scenarios that use them passed there.
      const outcome = (id: string) => report.results.find((row) => row.scenario === id)?.outcome;
      for (const id of [
        "endpoint-lifecycle.fifo-survives",
        "abstract-namespace.raw-peer-reaches-binder",
        "zmtp-wire.messages-in-order",
        "wildcard.relative-without-temp-variables",
      ]) {
        expect([id, outcome(id)]).toEqual([id, expect.stringMatching(/^(pass|non-strict)$/)]);
      }
      expect(report.results.filter(isUnexpected)).toEqual([]);
    },
    10 * 60_000,
  );

  test("a missing image is an error naming the command that builds it", async () => {
    await expect(requireImage("zic-linux:no-such-tag", "bash docker/build-images.sh debian12")).rejects.toThrow(EngineUnavailable);
    await expect(requireImage("zic-linux:no-such-tag", "bash docker/build-images.sh debian12")).rejects.toThrow(
      /zic-linux:no-such-tag is missing \(nothing is pulled\): build it with `bash docker\/build-images.sh debian12`/,
    );
  });

  test("containers left by a killed run are removed by the next one", async () => {
    const deadPid = spawnSync("true").pid!; // exited: no process has this pid now
    const { GenericContainer } = testcontainers();
    const orphan = await new GenericContainer(CONTAINER_PLATFORMS[0].image)
      .withCommand(["sleep", "infinity"])
      .withLabels({ "org.zic.platform": CONTAINER_PLATFORMS[0].id, "org.zic.pid": String(deadPid) })
      .start();
    expect(await removeOrphans()).toEqual([orphan.getId().slice(0, 12)]);
    expect(await leftoverContainers()).toEqual([]);
  });
});
