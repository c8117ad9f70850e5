import * as fs from "node:fs";
import type { Shard } from "./run-matrix";
import { TRACE_MODES, type TraceMode } from "../model/transcript";

/**
 * What a run is asked to do, as data. The command line is read into one once (harness/cli/cli.ts);
 * a platform that runs elsewhere (a container, another Node) hands it on as JSON to the CLI there
 * (`run --request FILE`), so a new run setting is a field here and a flag there, nothing between.
 */
export interface RunSettings {
  /** In-process implementations and shipped drivers by id ("all": every one available). */
  implementations: string[];
  drivers: Array<{ name: string; command: string }>;
  suites: string[];
  scenarios: string[];
  platforms: string[];
  out: string;
  expectFiles: string[];
  multiplier?: number;
  jobs: number;
  /** Each cell this many times (--repeat): cells whose runs differ are reported flaky. */
  repeat?: number;
  /** Record transcripts (--trace): of every cell, or of cells that did not pass, in one more run. */
  trace?: TraceMode;
  shard?: Shard;
  /** Merge the recorded platforms (fixtures/recorded/) into the report, shown with their date, never judged (--with-recorded). */
  withRecorded?: boolean;
}

/** A run's settings and where its progress lines go. */
export interface RunRequest extends RunSettings {
  log: (line: string) => void;
}

/** The settings as the JSON a platform's CLI reads, with what that platform changes (its id, its output, its copies of the --expect files). */
export function runSettingsJson(request: RunRequest, changes: Pick<RunSettings, "platforms" | "out" | "expectFiles">): string {
  // A platform's own run never adds the recordings: the run that asked for them does, once.
  const { log: _log, withRecorded: _recorded, ...settings } = request;
  return `${JSON.stringify({ ...settings, ...changes }, null, 2)}\n`;
}

/** Thrown when a --request file is not a run request: names the file and what is wrong. */
export class RunRequestError extends Error {}

/** Reads what runSettingsJson wrote; a file that is not such a request is refused, naming the field. */
export function readRunSettings(file: string): RunSettings {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new RunRequestError(`--request ${file}: not a readable JSON file (${(err as Error).message})`);
  }
  const fail = (what: string): never => {
    throw new RunRequestError(`--request ${file}: ${what}`);
  };
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail("is not a JSON object");
  const v = value as Record<string, unknown>;
  const strings = (name: string): string[] => {
    const field = v[name];
    if (!Array.isArray(field) || field.some((item) => typeof item !== "string")) fail(`"${name}" must be an array of strings`);
    return field as string[];
  };
  const positive = (name: string, integer: boolean): number | undefined => {
    const field = v[name];
    if (field === undefined) return undefined;
    if (typeof field !== "number" || !(field > 0) || (integer && !Number.isInteger(field)))
      fail(`"${name}" must be a positive ${integer ? "integer" : "number"}`);
    return field as number;
  };
  // Checked in the order the fields are written, so the first mistake is the one named.
  const implementations = strings("implementations");
  const drivers = v.drivers;
  if (!Array.isArray(drivers) || drivers.some((d) => typeof d?.name !== "string" || typeof d?.command !== "string"))
    fail(`"drivers" must be an array of { "name", "command" } strings`);
  const suites = strings("suites");
  const scenarios = strings("scenarios");
  const platforms = strings("platforms");
  if (typeof v.out !== "string" || v.out === "") fail(`"out" must be a directory`);
  const expectFiles = strings("expectFiles");
  const multiplier = positive("multiplier", false);
  const jobs = positive("jobs", true) ?? 1;
  const repeat = positive("repeat", true);
  const trace = v.trace;
  if (trace !== undefined && !(TRACE_MODES as readonly unknown[]).includes(trace)) fail(`"trace" must be ${TRACE_MODES.map((m) => `"${m}"`).join(" or ")}`);
  const withRecorded = v.withRecorded;
  if (withRecorded !== undefined && typeof withRecorded !== "boolean") fail(`"withRecorded" must be true or false`);
  const shard = v.shard as Shard | undefined;
  if (shard !== undefined && !(Number.isInteger(shard?.index) && Number.isInteger(shard?.count) && shard.index >= 1 && shard.index <= shard.count))
    fail(`"shard" must be { "index", "count" } with 1 <= index <= count`);
  return {
    implementations,
    drivers: (drivers as RunSettings["drivers"]).map(({ name, command }) => ({ name, command })),
    suites,
    scenarios,
    platforms,
    out: v.out as string,
    expectFiles,
    jobs,
    ...(multiplier !== undefined ? { multiplier } : {}),
    ...(repeat !== undefined ? { repeat } : {}),
    ...(trace !== undefined ? { trace: trace as TraceMode } : {}),
    ...(shard !== undefined ? { shard: { index: shard.index, count: shard.count } } : {}),
    ...(withRecorded === true ? { withRecorded } : {}),
  };
}
