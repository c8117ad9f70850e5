/**
 * The command line as a function: arguments in, lines out, an exit code back (main.ts is the
 * process around it). Exit codes: 0 nothing unexpected; 1 unexpected results;
 * 2 usage, harness, driver or environment error. Never a count.
 */
import * as path from "node:path";
import { parseArgs } from "node:util";
import { ALL_SCENARIOS } from "../../suites";
import { checkAgainstCatalogue, ExpectationFileError, loadExpectationFile } from "../expectations/expectations";
import { rejudgeReport } from "../expectations/judge-rows";
import { LEVELS, type Scenario } from "../model/scenario";
import type { Report } from "../report/report-json";
import { gateVerdict } from "../report/gate-verdict";
import { mergeReports } from "../report/merge-reports";
import { diffAsMarkdown, diffAsText, diffReports } from "../report/report-diff";
import { readReportFile } from "../report/validate-report";
import { writeReports } from "../report/write-reports";
import { NODE_RUNTIME_MAJORS, runtimePlatformId } from "../platforms/node-runtimes";
import { currentPlatformId } from "../platforms/targets";
import { checkExpectationOwners, executeRun } from "./commands/run";
import { readRunSettings, RunRequestError, type RunRequest } from "../runner/run-request";
import { plural } from "./plural";
import { writeExpectationsFromReport } from "./commands/update-expectations";
import { ALL_AVAILABLE, parseDrivers } from "./implementations";
import { HELP, commandHelp } from "./help";
import { usableOutDirectory, usableOutFile } from "./out-directory";
import { UsageError, selectScenarios } from "./select-scenarios";
import { printVerdict } from "./verdict";
import { TRACE_MODES, type TraceMode } from "../model/transcript";
import { withRecordedPlatforms } from "./commands/with-recorded";
import { traceCells } from "./commands/trace";

const OPTIONS = {
  impl: { type: "string" },
  driver: { type: "string", multiple: true },
  drivers: { type: "string" },
  suite: { type: "string" },
  scenario: { type: "string" },
  level: { type: "string" },
  platform: { type: "string" },
  node: { type: "string" },
  out: { type: "string" },
  expect: { type: "string", multiple: true },
  from: { type: "string" },
  write: { type: "string" },
  "timeout-multiplier": { type: "string" },
  shard: { type: "string" },
  jobs: { type: "string" },
  repeat: { type: "string" },
  trace: { type: "string" },
  "with-recorded": { type: "boolean" },
  request: { type: "string" },
  json: { type: "boolean" },
  markdown: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

type Flag = keyof typeof OPTIONS;
type Values = { [K in Flag]?: (typeof OPTIONS)[K]["type"] extends "boolean" ? boolean : (typeof OPTIONS)[K] extends { multiple: true } ? string[] : string };

const SELECT: Flag[] = ["suite", "scenario"];
const RUN: Flag[] = [
  "impl",
  "driver",
  "drivers",
  ...SELECT,
  "platform",
  "node",
  "out",
  "expect",
  "timeout-multiplier",
  "shard",
  "jobs",
  "repeat",
  "trace",
  "with-recorded",
];
/**
 * The flags each command takes (as its --help lists them). A flag of another command used to be
 * accepted and ignored: `run --from report.json` ran everything, `list --impl x` listed all.
 */
const COMMAND_FLAGS: Record<string, readonly Flag[]> = {
  list: [...SELECT, "level", "json"],
  run: [...RUN, "request"],
  gate: RUN,
  "update-expectations": [...RUN, "from", "write"],
  report: ["out", "expect", "with-recorded"],
  diff: ["markdown"],
  trace: ["impl", "driver", "drivers", ...SELECT, "platform", "node", "out", "expect", "timeout-multiplier"],
};

/** Flags that take a comma-separated list: one that names nothing ("", ",") is a mistake, never "everything". */
const LIST_FLAGS: Flag[] = ["impl", "suite", "scenario", "level", "platform", "node"];

export interface CliOutput {
  /** One line of the command's output (stdout). */
  line(text: string): void;
  /** Diagnostics (stderr), as given. */
  error(text: string): void;
}

const STANDARD_OUTPUT: CliOutput = {
  line: (text) => process.stdout.write(`${text}\n`),
  error: (text) => process.stderr.write(text),
};

/** Runs one command. Never throws: a usage or environment mistake is one line on stderr and exit 2, a stack trace only for a fault of the harness itself. */
export async function runCli(argv: string[], io: CliOutput = STANDARD_OUTPUT): Promise<number> {
  try {
    return await command(argv, io);
  } catch (err) {
    io.error(`zmq-ipc-conformance: ${describeFailure(err)}\n`);
    return 2;
  }
}

function describeFailure(err: unknown): string {
  const error = err as Error & { code?: string };
  if (error instanceof UsageError || error instanceof ExpectationFileError || error instanceof RunRequestError) return error.message;
  // node:util parseArgs: its messages name the option; some run over several lines.
  if (typeof error?.code === "string" && error.code.startsWith("ERR_PARSE_ARGS")) return error.message.replace(/\s*\n\s*/g, " ");
  return error?.stack ?? String(err);
}

const list = (value: string | undefined): string[] =>
  value
    ? value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

async function command(argv: string[], io: CliOutput): Promise<number> {
  const say = io.line;
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    say(HELP);
    return name === undefined ? 2 : 0;
  }
  if (COMMAND_FLAGS[name] === undefined) throw new UsageError(`unknown command "${name}" (try --help)`);
  const { values, positionals } = parseArgs({ args: rest, options: OPTIONS, strict: true, allowPositionals: name === "report" || name === "diff" });
  if (values.help) {
    say(commandHelp(name));
    return 0;
  }
  checkFlags(name, values);
  switch (name) {
    case "list": {
      let scenarios = selectScenarios(ALL_SCENARIOS, list(values.suite), list(values.scenario));
      const levels = list(values.level);
      const unknown = levels.find((level) => !(LEVELS as readonly string[]).includes(level));
      if (unknown !== undefined) throw new UsageError(`--level: unknown level "${unknown}" (known: ${LEVELS.join(", ")})`);
      if (levels.length > 0) scenarios = scenarios.filter((s) => levels.includes(s.level));
      if (values.json) {
        say(
          JSON.stringify(
            scenarios.map(({ id, suite, level, clause, title, roles, platforms, requires, needs }: Scenario) => ({
              id,
              suite,
              level,
              clause,
              title,
              roles,
              platforms,
              requires,
              needs,
            })),
            null,
            2,
          ),
        );
      } else {
        for (const s of scenarios) say(`${s.id.padEnd(64)} ${s.suite.padEnd(20)} ${s.level.padEnd(7)} ${s.clause}`);
        io.error(`${scenarios.length} scenarios\n`);
      }
      return 0;
    }
    case "run":
    case "gate": {
      const outcome = await executeRun(ALL_SCENARIOS, runRequest(values, say));
      printVerdict(outcome, say);
      return outcome.exitCode;
    }
    case "trace": {
      // A transcript of every cell of the catalogue would bury the one asked about.
      if (values.scenario === undefined) throw new UsageError("trace needs --scenario ID (or a glob): it prints the transcript of each cell it runs");
      const outcome = await traceCells(ALL_SCENARIOS, runRequest(values, say), values.out !== undefined);
      say("");
      for (const problem of outcome.harnessErrors) say(`problem: ${problem}`);
      if (values.out !== undefined) say(`reports: ${Object.values(outcome.files).join(", ")}`);
      return outcome.exitCode;
    }
    case "update-expectations": {
      // Whose expectations: the one --impl, or else the one --driver.
      const driverNames = parseDrivers(values.driver ?? [], values.drivers).map((d) => d.name);
      const impls = list(values.impl).length > 0 ? list(values.impl) : driverNames;
      if (impls.length !== 1 && values.from === undefined) {
        throw new UsageError("update-expectations writes one implementation's file: give exactly one --impl or --driver (or --from REPORT with --impl)");
      }
      // Where it writes is checked before a run that may take minutes.
      const target = (id: string) => usableOutFile("--write", values.write ?? path.join(values.out ?? "out", "expectations", `${id}.json`));
      if (impls.length === 1) target(impls[0]);
      let report: Report;
      if (values.from !== undefined) {
        report = readReport(values.from);
      } else {
        const outcome = await executeRun(ALL_SCENARIOS, runRequest(values, say));
        if (outcome.exitCode === 2) {
          printVerdict(outcome, say);
          return 2;
        }
        report = outcome.report;
      }
      const implementationId = impls[0] ?? report.implementations[0]?.id;
      if (implementationId === undefined) throw new UsageError("no implementation in the report");
      const written = writeExpectationsFromReport(report, implementationId, target(implementationId));
      say(`wrote ${written.entries} expectations for ${implementationId} to ${written.file}`);
      return 0;
    }
    case "diff": {
      if (positionals.length !== 2) throw new UsageError(`diff needs two report.json files, the older first (got ${positionals.length})`);
      const [olderFile, newerFile] = positionals;
      const diff = diffReports(readReport(olderFile), readReport(newerFile));
      const render = values.markdown ? diffAsMarkdown : diffAsText;
      for (const line of render(diff, olderFile, newerFile)) say(line);
      return diff.counts.regression > 0 ? 1 : 0;
    }
    case "report": {
      if (positionals.length === 0) throw new UsageError("report needs one or more report.json files");
      const reports = positionals.map(readReport);
      const merged = mergeReports(reports);
      // --expect judges the merged rows again, as the gate would have: read before anything is written.
      const overrides = (values.expect ?? []).map((file) => {
        const set = loadExpectationFile(file);
        checkAgainstCatalogue(set, ALL_SCENARIOS);
        return set;
      });
      checkExpectationOwners(
        overrides,
        merged.implementations.map((impl) => impl.id),
      );
      const out = values.out ?? "out";
      usableOutDirectory("--out", out);
      const rejudged = rejudgeReport(merged, overrides, ALL_SCENARIOS);
      const shown = values["with-recorded"] === true ? withRecordedPlatforms(rejudged, ALL_SCENARIOS, say) : rejudged;
      const report: Report = { ...shown, invocation: { ...merged.invocation, out } };
      const files = writeReports(out, report);
      say(`merged ${plural(positionals.length, "report")} (${plural(report.results.length, "row")})`);
      const verdict = gateVerdict(report);
      printVerdict({ ...verdict, report, files: { ...files }, harnessErrors: verdict.problems }, say);
      return verdict.exitCode;
    }
  }
  throw new UsageError(`unknown command "${name}" (try --help)`);
}

/** Flags this command does not take, and values that are empty, are refused before anything is done. */
function checkFlags(name: string, values: Values): void {
  for (const flag of Object.keys(values) as Flag[]) {
    if (flag === "help") continue;
    if (!COMMAND_FLAGS[name].includes(flag)) throw new UsageError(`${name} does not take --${flag} (see: zmq-ipc-conformance ${name} --help)`);
    const value = values[flag];
    const given = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
    for (const one of given) {
      if (one.trim() === "" || (LIST_FLAGS.includes(flag) && list(one).length === 0)) throw new UsageError(`--${flag} needs a value, got "${one}"`);
    }
  }
}

function runRequest(v: Values, say: (line: string) => void): RunRequest {
  if (v.request !== undefined) {
    // A platform's run elsewhere (a container, another Node): every setting is in the file.
    const others = (Object.keys(v) as Flag[]).filter((flag) => flag !== "request");
    if (others.length > 0) throw new UsageError(`--request carries every setting of the run: give no other flag with it (got --${others.join(", --")})`);
    return { ...readRunSettings(v.request), log: say };
  }
  return {
    implementations: list(v.impl ?? (v.driver || v.drivers ? "" : ALL_AVAILABLE)),
    drivers: parseDrivers(v.driver ?? [], v.drivers),
    suites: list(v.suite),
    scenarios: list(v.scenario),
    // Inside a platform's container (ZIC_PLATFORM set by the image) the default is that platform.
    // --node 22,24 adds the runtime platforms host-node22, host-node24 (alone, it replaces the default).
    platforms: [...list(v.platform ?? (v.node !== undefined ? "" : currentPlatformId())), ...nodePlatforms(v.node)],
    out: v.out ?? "out",
    expectFiles: v.expect ?? [],
    multiplier: positiveNumber("--timeout-multiplier", v["timeout-multiplier"]),
    jobs: positiveNumber("--jobs", v.jobs, true) ?? 1,
    repeat: repeatCount(v.repeat),
    trace: traceMode(v.trace),
    shard: parseShard(v.shard),
    ...(v["with-recorded"] === true ? { withRecorded: true } : {}),
    log: say,
  };
}

/** --node 20,22,24,26: the runtime platforms of those Node release lines. */
function nodePlatforms(raw: string | undefined): string[] {
  return list(raw).map((major) => {
    if (!NODE_RUNTIME_MAJORS.includes(Number(major)))
      throw new UsageError(`--node: unknown Node release line "${major}" (known: ${NODE_RUNTIME_MAJORS.join(", ")})`);
    return runtimePlatformId(Number(major));
  });
}

function positiveNumber(flag: string, raw: string | undefined, integer = false): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${flag} takes a positive ${integer ? "integer" : "number"}, got "${raw}"`);
  }
  return value;
}

/** --repeat N: at least 2 to mean anything (1 is a plain run), and a bound a typo cannot pass (1000 would take days). */
function repeatCount(raw: string | undefined): number | undefined {
  const count = positiveNumber("--repeat", raw, true);
  if (count !== undefined && count > MAX_REPEAT) throw new UsageError(`--repeat takes at most ${MAX_REPEAT}, got "${raw}"`);
  return count === 1 ? undefined : count;
}

const MAX_REPEAT = 100;

/** --trace failed|all: which cells get a transcript of what they said on the wire. */
function traceMode(raw: string | undefined): TraceMode | undefined {
  if (raw === undefined) return undefined;
  if (!(TRACE_MODES as readonly string[]).includes(raw)) throw new UsageError(`--trace takes ${TRACE_MODES.join(" or ")}, got "${raw}"`);
  return raw as TraceMode;
}

function parseShard(raw: string | undefined): { index: number; count: number } | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(raw);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes i/n with 1 <= i <= n, got "${raw}"`);
  return { index, count };
}

function readReport(file: string): Report {
  try {
    return readReportFile(file);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
