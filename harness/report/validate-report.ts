import * as fs from "node:fs";
import { REPORT_SCHEMA_VERSION, type Report } from "./report-json";
import Ajv2020, { type ErrorObject } from "ajv/dist/2020";
import schema from "./report.schema.json";

/**
 * Checks a report.json against report.schema.json. Errors come back as sentences naming the field
 * by a path a person can follow ("results[3].outcome: must be one of ..."), because the reader is
 * someone merging reports from CI artifacts, not someone who knows ajv's error objects.
 */

// verbose: the failing value and the schema fragment, so messages can quote both.
const validate = new Ajv2020({ allErrors: true, verbose: true }).compile(schema);

export function validateReport(report: unknown): string[] {
  if (validate(report)) return [];
  return readable(validate.errors ?? []);
}

function readable(errors: readonly ErrorObject[]): string[] {
  // A failed anyOf/not says it better than the alternatives it tried: keep only the summary.
  const combinators = errors.filter((e) => e.keyword === "anyOf" || e.keyword === "not" || e.keyword === "oneOf");
  const insideCombinator = (e: ErrorObject) =>
    combinators.some((c) => c !== e && c.instancePath === e.instancePath && e.schemaPath.startsWith(`${c.schemaPath}/`));
  const messages = errors.filter((e) => !insideCombinator(e)).map(describe);
  return [...new Set(messages)];
}

function describe(error: ErrorObject): string {
  const at = fieldPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return `${child(at, String(params.missingProperty))}: is missing`;
    case "additionalProperties":
      return `${child(at, String(params.additionalProperty))}: is not a field of report.json v${REPORT_SCHEMA_VERSION}`;
    case "enum":
      return `${at}: must be one of ${(params.allowedValues as unknown[]).join(", ")} (got ${shown(error.data)})`;
    case "const":
      return `${at}: must be ${JSON.stringify(params.allowedValue)} (got ${shown(error.data)})`;
    case "type":
      return `${at}: must be ${String(params.type)} (got ${Array.isArray(error.data) ? "array" : error.data === null ? "null" : typeof error.data})`;
    case "dependentRequired":
      return `${at}: has ${String(params.property)} but not ${String(params.missingProperty)}`;
    case "anyOf":
    case "oneOf":
    case "not": {
      const description = (error.parentSchema as { description?: string } | undefined)?.description;
      return `${at}: ${description ?? error.message ?? error.keyword}`;
    }
    default:
      return `${at}: ${error.message ?? error.keyword}`;
  }
}

/** JSON pointer -> `results[3].observed.summary`, `clauses["ipc.bind.override"]`. */
function fieldPath(pointer: string): string {
  if (pointer === "") return "report";
  return pointer
    .slice(1)
    .split("/")
    .map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((path, segment) => child(path, segment), "");
}

function child(path: string, segment: string): string {
  const base = path === "report" ? "" : path;
  if (/^\d+$/.test(segment)) return `${base}[${segment}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(segment)) return base === "" ? segment : `${base}.${segment}`;
  return `${base}[${JSON.stringify(segment)}]`;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Reads and validates a report.json (an older schemaVersion is migrated first): an unreadable or
 * invalid file throws, naming the file and the first problems.
 */
export function readReportFile(file: string): Report {
  let report: unknown;
  try {
    report = migrateReport(JSON.parse(fs.readFileSync(file, "utf8")));
  } catch (err) {
    throw new Error(`${file}: cannot read a report (${(err as Error).message})`, { cause: err });
  }
  const problems = validateReport(report);
  if (problems.length > 0) throw new Error(`${file}: not a valid report.json: ${problems.slice(0, 5).join("; ")}`);
  return report as Report;
}

/**
 * Version 1 lacks only fields that version 2 made optional (how implementations were started,
 * their --expect files, the invocation, each row's expectation entry), and version 2 only those
 * version 3 added (transcripts), so their content reads as it is. What version 1 lost is said in
 * a note: its rerun commands name every implementation by --impl.
 */
export function migrateReport(report: unknown): unknown {
  const old = report as { schemaVersion?: unknown; notes?: unknown } | null;
  if (old !== null && typeof old === "object" && old.schemaVersion === 2) return { ...old, schemaVersion: REPORT_SCHEMA_VERSION };
  if (old === null || typeof old !== "object" || old.schemaVersion !== 1) return report;
  const notes = Array.isArray(old.notes) ? old.notes : [];
  return {
    ...old,
    schemaVersion: REPORT_SCHEMA_VERSION,
    notes: [
      ...notes,
      "migrated from report.json schemaVersion 1: it did not record how implementations were started, so its rerun commands name them all with --impl",
    ],
  };
}
