#!/usr/bin/env node
/**
 * zmq-ipc-conformance: run the ipc conformance suites, gate a CI job on them, and write the
 * compatibility reports. Exit codes (design.md): 0 nothing unexpected; 1 unexpected results;
 * 2 usage, harness, driver or environment error. Never a count.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { ALL_SCENARIOS } from "../../suites";
import { ExpectationFileError } from "../expectations/expectations";
import type { Report } from "../report/report-json";
import { mergeReports } from "../report/merge-reports";
import { readReportFile } from "../report/validate-report";
import { writeReports } from "../report/write-reports";
import { currentPlatformId } from "../platforms/targets";
import { executeRun, type RunRequest } from "./commands/run";
import { writeExpectationsFromReport } from "./commands/update-expectations";
import { ALL_AVAILABLE, parseDrivers } from "./implementations";
import { HELP, commandHelp } from "./help";
import { UsageError, selectScenarios } from "./select-scenarios";
import { printVerdict } from "./verdict";

const OPTIONS = {
  impl: { type: "string" },
  driver: { type: "string", multiple: true },
  drivers: { type: "string" },
  suite: { type: "string" },
  scenario: { type: "string" },
  level: { type: "string" },
  platform: { type: "string" },
  out: { type: "string" },
  expect: { type: "string", multiple: true },
  from: { type: "string" },
  write: { type: "string" },
  "timeout-multiplier": { type: "string" },
  shard: { type: "string" },
  jobs: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

const list = (value: string | undefined): string[] => (value ? value.split(",").map((s) => s.trim()).filter(Boolean) : []);
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    say(HELP);
    return command === undefined ? 2 : 0;
  }
  const { values, positionals } = parseArgs({ args: rest, options: OPTIONS, strict: true, allowPositionals: command === "report" });
  if (values.help) {
    say(commandHelp(command));
    return 0;
  }
  switch (command) {
    case "list": {
      let scenarios = selectScenarios(ALL_SCENARIOS, list(values.suite), list(values.scenario));
      const levels = list(values.level);
      if (levels.length > 0) scenarios = scenarios.filter((s) => levels.includes(s.level));
      if (values.json) {
        say(JSON.stringify(scenarios.map(({ id, suite, level, clause, title, roles, platforms, requires, needs }) => ({ id, suite, level, clause, title, roles, platforms, requires, needs })), null, 2));
      } else {
        for (const s of scenarios) say(`${s.id.padEnd(64)} ${s.suite.padEnd(20)} ${s.level.padEnd(7)} ${s.clause}`);
        process.stderr.write(`${scenarios.length} scenarios\n`);
      }
      return 0;
    }
    case "run":
    case "gate": {
      const outcome = await executeRun(ALL_SCENARIOS, runRequest(values));
      printVerdict(outcome, say);
      return outcome.exitCode;
    }
    case "update-expectations": {
      // Whose expectations: the one --impl, or else the one --driver.
      const driverNames = parseDrivers(values.driver ?? [], values.drivers).map((d) => d.name);
      const impls = list(values.impl).length > 0 ? list(values.impl) : driverNames;
      if (impls.length !== 1 && values.from === undefined) {
        throw new UsageError("update-expectations writes one implementation's file: give exactly one --impl or --driver (or --from REPORT with --impl)");
      }
      let report: Report;
      if (values.from !== undefined) {
        report = readReport(values.from);
      } else {
        const outcome = await executeRun(ALL_SCENARIOS, runRequest(values));
        if (outcome.exitCode === 2) {
          printVerdict(outcome, say);
          return 2;
        }
        report = outcome.report;
      }
      const implementationId = impls[0] ?? report.implementations[0]?.id;
      if (implementationId === undefined) throw new UsageError("no implementation in the report");
      const file = values.write ?? path.join(values.out ?? "out", "expectations", `${implementationId}.json`);
      const written = writeExpectationsFromReport(report, implementationId, file);
      say(`wrote ${written.entries} expectations for ${implementationId} to ${written.file}`);
      return 0;
    }
    case "report": {
      if (positionals.length === 0) throw new UsageError("report needs one or more report.json files");
      const merged = mergeReports(positionals.map(readReport));
      const files = writeReports(path.resolve(values.out ?? "out"), merged);
      say(`merged ${positionals.length} reports (${merged.results.length} rows): ${Object.values(files).join(", ")}`);
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}" (try --help)`);
  }
}

function runRequest(values: Record<string, unknown>): RunRequest {
  const v = values as { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]["type"] extends "boolean" ? boolean : (typeof OPTIONS)[K] extends { multiple: true } ? string[] : string };
  return {
    implementations: list((v.impl as string | undefined) ?? (v.driver || v.drivers ? "" : ALL_AVAILABLE)),
    drivers: parseDrivers((v.driver as string[] | undefined) ?? [], v.drivers as string | undefined),
    suites: list(v.suite as string | undefined),
    scenarios: list(v.scenario as string | undefined),
    // Inside a platform's container (ZIC_PLATFORM set by the image) the default is that platform.
    platforms: list((v.platform as string | undefined) ?? currentPlatformId()),
    out: (v.out as string | undefined) ?? "out",
    expectFiles: (v.expect as string[] | undefined) ?? [],
    multiplier: positiveNumber("--timeout-multiplier", v["timeout-multiplier"] as string | undefined),
    jobs: positiveNumber("--jobs", v.jobs as string | undefined, true) ?? 1,
    shard: parseShard(v.shard as string | undefined),
    log: say,
  };
}

function positiveNumber(flag: string, raw: string | undefined, integer = false): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${flag} takes a positive ${integer ? "integer" : "number"}, got "${raw}"`);
  }
  return value;
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

// Exit explicitly: an implementation under test that leaks a handle must not hold the run open.
// (stdout and stderr are synchronous on Linux for files and pipes, so nothing printed is lost.)
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error & { code?: string }) => {
    const expected = err instanceof UsageError || err instanceof ExpectationFileError || (typeof err.code === "string" && err.code.startsWith("ERR_PARSE_ARGS"));
    process.stderr.write(`zmq-ipc-conformance: ${expected ? err.message : (err.stack ?? err.message)}\n`);
    process.exit(2);
  },
);
