import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Report } from "../report/report-json";
import { runSettingsJson, type RunRequest } from "../runner/run-request";
import { readReportFile } from "../report/validate-report";
import { removeContainer, startIdleContainer } from "./container-engine";
import { PROJECT_IN_CONTAINER } from "./container-sites";
import type { PlatformTarget } from "./targets";

export interface ContainerRunRequest {
  readonly target: Extract<PlatformTarget, { kind: "container" }>;
  readonly projectRoot: string;
  /** The run's request: handed to the CLI inside as JSON, with the platform, its output and its copies of the --expect files (the container sees only the project). */
  readonly request: RunRequest;
  /** Where the platform's own reports are kept (report.json, report.html, ... and run.log). */
  readonly keepIn: string;
  readonly limitMs: number;
  readonly log: (line: string) => void;
}

export interface ContainerRunResult {
  readonly report?: Report;
  readonly exitCode: number;
  /** Set when the run inside did not finish properly: a harness error of the platform. */
  readonly problem?: string;
}

/** Where the container writes: a host directory mounted read-write. */
const OUT_IN_CONTAINER = "/out";

/**
 * Runs the CLI inside a fresh container of the platform's image (as the image's non-root user,
 * the project mounted read-only) and brings its report out. The output goes to a file on the
 * mounted directory rather than through exec's stream (testcontainers 11 can truncate exec
 * output under load); the host follows that file to show progress.
 */
export async function runCliInContainer(request: ContainerRunRequest): Promise<ContainerRunResult> {
  const { target } = request;
  const exchange = fs.mkdtempSync(path.join(os.tmpdir(), "zic-platform-"));
  fs.chmodSync(exchange, 0o777); // the container's user is not the host's
  // Paths the run inside prints are where its files end up on the host.
  const follower = followLog(path.join(exchange, "run.log"), (line) =>
    request.log(`[${target.id}] ${line.split(`${OUT_IN_CONTAINER}/report`).join(request.keepIn)}`),
  );
  try {
    const copies = new Map<string, string>(); // the copy's path inside -> the file as the user named it
    const expectFiles = request.request.expectFiles.map((file, i) => {
      const name = `expect-${i + 1}${path.extname(file) || ".json"}`;
      fs.copyFileSync(file, path.join(exchange, name));
      fs.chmodSync(path.join(exchange, name), 0o644);
      copies.set(`${OUT_IN_CONTAINER}/${name}`, file);
      return `${OUT_IN_CONTAINER}/${name}`;
    });
    const settings = runSettingsJson(request.request, { platforms: [target.id], out: `${OUT_IN_CONTAINER}/report`, expectFiles });
    fs.writeFileSync(path.join(exchange, "request.json"), settings, { mode: 0o644 });
    const cli = ["node", "dist/harness/cli/main.js", "run", "--request", `${OUT_IN_CONTAINER}/request.json`];
    const seconds = Math.ceil(request.limitMs / 1000);
    // umask 000: the host (any uid) can then read and delete what the container wrote.
    const script = `umask 000; exec timeout -k 10 ${seconds} ${cli.map(shellQuote).join(" ")} >${OUT_IN_CONTAINER}/run.log 2>&1`;
    const container = await startIdleContainer({
      image: target.image,
      platformId: target.id,
      mounts: [
        { source: request.projectRoot, target: PROJECT_IN_CONTAINER },
        { source: exchange, target: OUT_IN_CONTAINER, rw: true },
      ],
    });
    let exitCode: number;
    try {
      exitCode = (await container.exec(["sh", "-c", script], { workingDir: PROJECT_IN_CONTAINER, env: passedEnvironment() })).exitCode;
    } finally {
      await removeContainer(container);
    }
    follower.flush();
    const reportFile = path.join(exchange, "report", "report.json");
    const report = fs.existsSync(reportFile) ? namingExpectationsAsGiven(readReportFile(reportFile), copies) : undefined;
    fs.rmSync(request.keepIn, { recursive: true, force: true });
    fs.mkdirSync(request.keepIn, { recursive: true });
    for (const name of fs.existsSync(path.join(exchange, "report")) ? fs.readdirSync(path.join(exchange, "report")) : []) {
      fs.copyFileSync(path.join(exchange, "report", name), path.join(request.keepIn, name));
    }
    fs.copyFileSync(path.join(exchange, "run.log"), path.join(request.keepIn, "run.log"));
    const problem =
      exitCode === 124 || exitCode === 137
        ? `the run inside ${target.id} did not finish within ${seconds} s (log: ${path.join(request.keepIn, "run.log")})`
        : exitCode > 2 || report === undefined
          ? `the run inside ${target.id} ended with exit code ${exitCode}${report === undefined ? " and no report" : ""}: ${lastLines(path.join(exchange, "run.log"))}`
          : undefined;
    return { report, exitCode, ...(problem ? { problem } : {}) };
  } finally {
    follower.stop();
    fs.rmSync(exchange, { recursive: true, force: true });
  }
}

/** The rows quote the expectations entry that decided them by file:line: the file the user gave, not its copy inside. */
function namingExpectationsAsGiven(report: Report, copies: ReadonlyMap<string, string>): Report {
  const asGiven = (source: string) => {
    for (const [inside, file] of copies) if (source === inside || source.startsWith(`${inside}:`)) return `${file}${source.slice(inside.length)}`;
    return source;
  };
  return {
    ...report,
    implementations: report.implementations.map((impl) => (impl.expectations === undefined ? impl : { ...impl, expectations: asGiven(impl.expectations) })),
    results: report.results.map((row) =>
      row.expectation === undefined ? row : { ...row, expectation: { ...row.expectation, source: asGiven(row.expectation.source) } },
    ),
  };
}

/** Settings that must reach the run inside: the limits' multiplier and CI strictness. */
function passedEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ["TIMEOUT_MULTIPLIER", "CI"]) if (process.env[name]) env[name] = process.env[name]!;
  return env;
}

/**
 * Prints a growing log file's new lines. A display aid only (nothing waits on it), so a
 * 500 ms look is fine: the run's end is signalled by the exec returning.
 */
function followLog(file: string, print: (line: string) => void): { flush(): void; stop(): void } {
  let offset = 0;
  let partial = "";
  const flush = () => {
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      return;
    }
    if (size <= offset) return;
    const fd = fs.openSync(file, "r");
    try {
      const chunk = Buffer.alloc(size - offset);
      fs.readSync(fd, chunk, 0, chunk.length, offset);
      offset = size;
      const lines = (partial + chunk.toString("utf8")).split(/\r?\n|\r/);
      partial = lines.pop() ?? "";
      for (const line of lines) if (line.trim() !== "") print(line);
    } finally {
      fs.closeSync(fd);
    }
  };
  const timer = setInterval(flush, 500);
  return {
    flush,
    stop: () => {
      clearInterval(timer);
      if (partial.trim() !== "") print(partial);
    },
  };
}

function lastLines(file: string, count = 5): string {
  try {
    return fs.readFileSync(file, "utf8").trim().split("\n").slice(-count).join(" | ");
  } catch {
    return "(no output)";
  }
}

export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
