/**
 * The implementer's path, as the docs tell it, run word for word in an empty project: the
 * commands come out of the code blocks of docs/implementers-ci.md and drivers/template/README.md
 * (so the docs cannot drift from what works), each held to the exit code the document promises
 * (a trailing `# exits N`, else 0). Then what the docs promise about a failure is checked on a
 * library broken in a known way (EINVAL where it answered ENAMETOOLONG): the gate exits 1 and
 * says which scenario, clause, sentence and expectation; the rerun command printed in each of the
 * four outputs is the same, reproduces the failure and leaves the gate's reports as they were.
 *
 * It packs this working tree (`npm pack`, as the docs say, here) and installs the tarball; the git
 * URL path installs a git repository made of the working tree (`ZIC_GIT`, as the docs say). npm
 * takes packages from its cache when it can, and from the npm registry otherwise.
 */
import { spawnSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { ALL_SCENARIOS } from "../../suites";
import { checkAgainstCatalogue, parseExpectations } from "../../harness/expectations/expectations";
import { timeoutMultiplier } from "../../harness/runner/limits";
import { commandsOf, commandsUnder, readBlocks, type DocBlock, type DocCommand } from "./code-blocks";

const ROOT = path.join(__dirname, "..", "..");
const TEMPLATE_README = "drivers/template/README.md";
const CI_DOC = "docs/implementers-ci.md";
const template = readBlocks(path.join(ROOT, TEMPLATE_README), TEMPLATE_README);
const ci = readBlocks(path.join(ROOT, CI_DOC), CI_DOC);
const minutes = (n: number) => n * 60_000 * timeoutMultiplier();

/** The scenario the known break changes, and the library file it changes. */
const BROKEN_SCENARIO = "path-length.one-over-limit-refused";
const FAKE_LIBRARY = "conformance/fake-library.js";

interface Ran {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
}

/**
 * A command in `cwd` as a reader's shell runs it: without the npm_* variables `npm test` gives
 * its own scripts (they name this project's package.json), with npm's cache preferred.
 */
function sh(command: string, cwd: string, env: Record<string, string> = {}, shell: string[] = ["sh", "-c"]): Ran {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_|^INIT_CWD$/i.test(name)));
  const ran = spawnSync(shell[0], [...shell.slice(1), command], {
    cwd,
    encoding: "utf8",
    env: { ...clean, npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false", ...env },
    timeout: minutes(6),
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout: ran.stdout ?? "", stderr: ran.stderr ?? "", status: ran.status };
}

/** Runs a documented command and holds it to the exit code its document promises. */
function follow(command: DocCommand, cwd: string, env: Record<string, string> = {}): Ran {
  const ran = sh(command.text, cwd, env);
  if (ran.status !== command.expectedExit) {
    throw new Error(
      `${command.where}: \`${command.text}\` exited ${ran.status}, the document says ${command.expectedExit}\n--- stdout (end) ---\n${tail(ran.stdout)}\n--- stderr (end) ---\n${tail(ran.stderr)}`,
    );
  }
  return ran;
}

const tail = (text: string) => text.split("\n").slice(-40).join("\n");
const followed = new Set<string>();
const run = (commands: DocCommand[], cwd: string, env: Record<string, string> = {}) =>
  commands.map((command) => {
    followed.add(command.where);
    return follow(command, cwd, env);
  });
const only = (commands: DocCommand[], test: (text: string) => boolean): DocCommand => {
  const found = commands.filter((c) => test(c.text));
  if (found.length !== 1) throw new Error(`expected one such command, found ${found.length}: ${commands.map((c) => c.text).join(" | ")}`);
  return found[0];
};

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

function bytesUnder(dir: string): number {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
}

/** The exit status, the verdict line and the lines of the unexpected results: what a failed check should show. */
function verdictOf(ran: Ran) {
  const lines = ran.stdout.split("\n");
  const from = lines.findIndex((line) => /^Unexpected (results|passes)/.test(line));
  const to = lines.findIndex((line, i) => i > from && /^(Expected, not passing|Not run for|reports:)/.test(line));
  return { status: ran.status, verdict: /verdict: .*/.exec(ran.stdout)?.[0], unexpected: from < 0 ? [] : lines.slice(from, to < 0 ? from + 30 : to) };
}

const digest = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

let scratch: string;
let project: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "zic-implementer-"));
  project = path.join(scratch, "my-project");
  fs.mkdirSync(project);
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

test("every expectations example in the docs is valid, and names a scenario that can have its outcome", () => {
  const examples = [...template, ...readBlocks(path.join(ROOT, "docs/expectations.md"), "docs/expectations.md")].filter(
    (b) => b.lang === "json" && b.body.includes('"scenario"'),
  );
  expect(examples.length).toBeGreaterThanOrEqual(2);
  for (const block of examples) {
    const parsed = JSON.parse(block.body) as Record<string, unknown>;
    const file = "implementation" in parsed ? block.body : JSON.stringify({ implementation: "mylib", expectations: [parsed] });
    expect(() => checkAgainstCatalogue(parseExpectations(file, block.where), ALL_SCENARIOS)).not.toThrow();
  }
});

describe("an implementer following the docs word for word", () => {
  const install = commandsUnder(ci, "Install");
  const pack = only(install, (text) => text.startsWith("npm pack"));
  const fromTarball = only(install, (text) => text.startsWith("npm install") && text.includes(".tgz"));
  const fromGit = only(install, (text) => text.includes("$ZIC_GIT"));
  const gate = only(commandsUnder(ci, "The gate"), (text) => text.includes(" gate "));

  test(
    "installs the suites from a tarball: no tests, no source maps, and neither zeromq nor testcontainers",
    () => {
      const packed = follow(pack, ROOT);
      followed.add(pack.where);
      const tarball = packed.stdout.trim().split("\n").pop()!;
      expect(fromTarball.text).toContain(`./${tarball}`);
      fs.renameSync(path.join(ROOT, tarball), path.join(project, tarball));
      run([fromTarball], project);

      const installed = path.join(project, "node_modules", "zmq-ipc-conformance");
      const shipped = filesUnder(installed);
      expect(shipped.filter((f) => /\.test\.|__tests__|__fixtures__|\.map$|(?<!\.d)\.ts$/.test(f))).toEqual([]);
      expect(shipped).toEqual(
        expect.arrayContaining([
          "dist/harness/cli/main.js",
          "drivers/template/driver.js",
          "docs/implementers-ci.md",
          "examples/ci/gate.sh",
          "fixtures/expectations/libzmq.json",
        ]),
      );
      const packages = fs.readdirSync(path.join(project, "node_modules")).filter((name) => !name.startsWith("."));
      expect(packages).not.toContain("zeromq");
      expect(packages).not.toContain("testcontainers");
      // Measured 2026-12: 7 packages, 5.6 MB (the tarball alone was 184 packages and 100 MB before).
      expect(packages.length).toBeLessThan(15);
      expect(bytesUnder(path.join(project, "node_modules"))).toBeLessThan(15 * 1024 * 1024);
    },
    minutes(4),
  );

  test("the README's example of the reference runs as written from the installed tarball, and leaves nothing behind", () => {
    const [example, ...more] = readBlocks(path.join(ROOT, "README.md"), "README.md").filter(
      (b) => b.heading === "The reference implementation" && b.lang === "js",
    );
    expect(more).toEqual([]);
    const socketFile = /bind\("ipc:\/\/([^"]+)"\)/.exec(example.body)![1];
    fs.writeFileSync(path.join(project, "example.mjs"), example.body);
    const ran = sh("node example.mjs", project);
    expect({ status: ran.status, stdout: ran.stdout, stderr: ran.stderr }).toEqual({ status: 0, stdout: "hello world\n", stderr: "" });
    expect(fs.existsSync(socketFile)).toBe(false);
  });

  test.each([
    ["commonjs", "node10"], // what `"module": "commonjs"` alone gives: it ignores package.json's "exports"
    ["node16", "node16"],
    ["nodenext", "nodenext"],
    ["esnext", "bundler"],
  ])("TypeScript finds the types of zmq-ipc-conformance/reference with module %s, moduleResolution %s", (module, moduleResolution) => {
    const dir = fs.mkdtempSync(path.join(project, "ts-"));
    fs.writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module,
          moduleResolution,
          target: "es2022",
          strict: true,
          noEmit: true,
          typeRoots: [path.join(ROOT, "node_modules/@types")],
          types: ["node"],
        },
        files: ["use.ts"],
      }),
    );
    fs.writeFileSync(
      path.join(dir, "use.ts"),
      'import { Pull, type Dealer } from "zmq-ipc-conformance/reference";\nexport const pull: Pull = new Pull();\nexport const peer: Dealer | undefined = undefined;\n',
    );
    const ran = sh(`node ${JSON.stringify(path.join(ROOT, "node_modules/typescript/bin/tsc"))} -p .`, dir);
    expect({ status: ran.status, out: ran.stdout + ran.stderr }).toEqual({ status: 0, out: "" });
  });

  test(
    "the template README, steps 1 to 5: run the template, try it, write the expectations, gate",
    () => {
      run(commandsUnder(template, "1. "), project);
      const first = JSON.parse(fs.readFileSync(path.join(project, "out", "report.json"), "utf8")) as { results: Array<{ outcome: string }> };
      expect(first.results.length).toBeGreaterThan(100);
      expect(first.results.filter((r) => r.outcome === "error")).toEqual([]);
      run(commandsUnder(template, "3. "), project);
      run(commandsUnder(template, "4. "), project);
      const written = fs.readFileSync(path.join(project, "conformance", "mylib.json"), "utf8");
      expect(written).not.toMatch(/\/zic-[A-Za-z0-9]{6}/); // no temporary directory of the run
      const entries = (JSON.parse(written) as { expectations: Array<{ outcome: string }> }).expectations;
      expect(entries.length).toBeGreaterThan(10);
      expect(entries.filter((e) => e.outcome === "unsupported")).toEqual([]);
      const gated = run(commandsUnder(template, "5. "), project)[0];
      expect(gated.stdout).toContain("verdict: nothing unexpected (exit 0)");
      // A driver-only gate, with neither optional package installed.
      expect(fs.existsSync(path.join(project, "node_modules", "zeromq"))).toBe(false);
    },
    minutes(6),
  );

  test(
    "docs/implementers-ci.md: the gate, the shell step, the GitHub Actions job, a repeated run and merged shards all exit 0",
    () => {
      run(commandsUnder(ci, "The gate"), project);
      const [repeated] = run(commandsUnder(ci, "Flaky cells"), project);
      expect(repeated.stdout).toMatch(/\nflaky cells: 0 of \d+\n/);
      const merged = run(commandsUnder(ci, "Large matrices"), project).pop()!;
      expect(merged.stdout).toContain("verdict: nothing unexpected (exit 0)");
      const whole = JSON.parse(fs.readFileSync(path.join(project, "conformance-report", "report.json"), "utf8")) as { results: unknown[] };
      const shards = ["shard-1", "shard-2"].map(
        (dir) => (JSON.parse(fs.readFileSync(path.join(project, dir, "report.json"), "utf8")) as { results: unknown[] }).results.length,
      );
      expect(shards[0] + shards[1]).toBe(whole.results.length);

      // The GitHub Actions job: its run steps in order, as the runner's bash runs them.
      const workflow = parseYaml(fs.readFileSync(path.join(project, "node_modules/zmq-ipc-conformance/examples/ci/github-actions.yml"), "utf8")) as {
        jobs: Record<string, { steps: Array<{ run?: string }> }>;
      };
      const summary = path.join(scratch, "step-summary.md");
      for (const step of Object.values(workflow.jobs).flatMap((job) => job.steps)) {
        if (step.run === undefined) continue;
        const ran = sh(step.run, project, { GITHUB_STEP_SUMMARY: summary }, ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"]);
        expect({ step: step.run, status: ran.status, stderr: ran.status === 0 ? "" : tail(ran.stderr) }).toEqual({ step: step.run, status: 0, stderr: "" });
      }
      expect(fs.readFileSync(summary, "utf8")).toMatch(/^## ✅ ZeroMQ ipc:\/\/ conformance: nothing unexpected/);
    },
    minutes(6),
  );

  test(
    "a library broken in a known way: exit 1, the scenario, clause, sentence and expectation named, one rerun command in all four outputs that reproduces it without touching the gate's reports",
    () => {
      const library = path.join(project, FAKE_LIBRARY);
      const healthy = fs.readFileSync(library, "utf8");
      fs.writeFileSync(library, healthy.replace(/ENAMETOOLONG/g, "EINVAL"));
      try {
        brokenLibraryIsCaught();
      } finally {
        fs.writeFileSync(library, healthy); // the later steps gate the healthy library again
      }
    },
    minutes(4),
  );

  /** The gate on the broken library, its four reports, and the rerun of the broken cell. */
  function brokenLibraryIsCaught(): void {
    const ran = sh(gate.text, project);
    expect(ran.status).toBe(1);
    const out = path.join(project, "conformance-report");

    // The terminal: what the template README shows under "Reading failures", exactly.
    const shown = template.find((b) => b.heading === "Reading failures" && b.lang === "")!;
    expect(ran.stdout).toContain(shown.body);
    expect(ran.stdout).toContain(`non-strict ${BROKEN_SCENARIO} [mylib]`);
    expect(ran.stdout).toContain("verdict: unexpected results (exit 1)");

    // One rerun command, the same in all four outputs.
    const reports = Object.fromEntries(["report.json", "report.html", "junit.xml", "summary.md"].map((name) => [name, digest(path.join(out, name))]));
    const terminal = /^ {4}rerun: (.*--scenario path-length\.one-over-limit-refused .*)$/m.exec(ran.stdout)![1];
    const summary = new RegExp(`^ {2}- rerun: \`(.*--scenario ${BROKEN_SCENARIO.replace(/\./g, "\\.")} .*)\`$`, "m").exec(
      fs.readFileSync(path.join(out, "summary.md"), "utf8"),
    )![1];
    const junit = /^rerun: ([^<\n]*--scenario path-length\.one-over-limit-refused [^<\n]*)/m.exec(
      fs
        .readFileSync(path.join(out, "junit.xml"), "utf8")
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&"),
    )![1];
    const page = fs.readFileSync(path.join(out, "report.html"), "utf8");
    const island = JSON.parse(
      page.slice(page.indexOf('id="report-data">') + 'id="report-data">'.length, page.indexOf("</script>", page.indexOf('id="report-data">'))),
    ) as {
      rows: Array<{ scenario: string; cmd: string; why: { expected: string; because: string } }>;
    };
    const html = island.rows.find((r) => r.scenario === BROKEN_SCENARIO)!;
    expect([summary, junit, html.cmd]).toEqual([terminal, terminal, terminal]);
    expect(terminal).toContain("--expect conformance/mylib.json");
    expect(html.why).toEqual({ expected: "pass", because: "no entry for it in conformance/mylib.json, so pass (the default)" });
    // The clause and its sentence are in summary.md and junit.xml too.
    expect(fs.readFileSync(path.join(out, "summary.md"), "utf8")).toContain("clause `compat.libzmq.path-length-bytes` (COMPAT): *“libzmq rejects an ipc path");
    expect(fs.readFileSync(path.join(out, "junit.xml"), "utf8")).toContain("clause: compat.libzmq.path-length-bytes (COMPAT)");

    const again = sh(terminal, project);
    expect(verdictOf(again)).toMatchObject({ status: 1, verdict: "verdict: unexpected results (exit 1)" });
    const rerun = JSON.parse(fs.readFileSync(path.join(out, "rerun", BROKEN_SCENARIO, "report.json"), "utf8")) as {
      results: Array<{ scenario: string; outcome: string }>;
    };
    expect(rerun.results.map((r) => `${r.scenario} ${r.outcome}`)).toEqual([`${BROKEN_SCENARIO} non-strict`]);
    expect(Object.fromEntries(Object.keys(reports).map((name) => [name, digest(path.join(out, name))]))).toEqual(reports);

    // Expected non-passes name their reason and where it is written.
    expect(ran.stdout).toMatch(/\n {4}because: observed: .* \(conformance\/mylib\.json:\d+\)\n/);
  }

  test(
    "the template README, step 6: --impl libzmq names the package it needs, and runs once it is installed",
    () => {
      const [missing] = run(commandsUnder(template, "6. "), project);
      expect(missing.stderr.trim()).toBe(
        "zmq-ipc-conformance: --impl libzmq needs the npm package zeromq, which is not installed here: npm install --save-dev zeromq@6.8.0",
      );
      expect(fs.existsSync(path.join(project, "node_modules", "zeromq"))).toBe(true);
    },
    minutes(6),
  );

  test(
    "installs from a git URL (a repository of this working tree) and gates with the shell step",
    () => {
      const repository = path.join(scratch, "zmq-ipc-conformance.git-source");
      const files = sh("git ls-files -co --exclude-standard -z", ROOT).stdout.split("\0").filter(Boolean);
      for (const file of files) {
        // Regular files only: a deleted one not yet committed, or a symlink (a node_modules linked in), is no source.
        if (!fs.lstatSync(path.join(ROOT, file), { throwIfNoEntry: false })?.isFile()) continue;
        fs.mkdirSync(path.dirname(path.join(repository, file)), { recursive: true });
        fs.copyFileSync(path.join(ROOT, file), path.join(repository, file));
      }
      const made = sh("git init -q && git add -A && git -c user.name=docs-test -c user.email=docs-test@invalid commit -qm 'the working tree'", repository);
      expect(made.stderr).toBe("");
      const gitProject = path.join(scratch, "my-project-from-git");
      fs.mkdirSync(gitProject);
      run([fromGit], gitProject, { ZIC_GIT: `git+file://${repository}` });
      expect(filesUnder(path.join(gitProject, "node_modules", "zmq-ipc-conformance"))).toEqual(
        filesUnder(path.join(project, "node_modules", "zmq-ipc-conformance")),
      );
      fs.cpSync(path.join(project, "conformance"), path.join(gitProject, "conformance"), { recursive: true });
      const gated = sh("sh conformance/gate.sh", gitProject);
      expect(verdictOf(gated)).toEqual({ status: 0, verdict: "verdict: nothing unexpected (exit 0)", unexpected: [] });
    },
    minutes(10),
  );

  test("every command of both documents was run", () => {
    const all = [...template, ...ci].filter((b: DocBlock) => b.lang === "sh").flatMap(commandsOf);
    expect(all.map((c) => c.where).filter((where) => !followed.has(where))).toEqual([]);
  });
});
