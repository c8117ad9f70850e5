import * as fs from "node:fs";
import * as path from "node:path";
import { isUnexpected, outcomesSeen } from "../model/outcome";
import type { ResultRow } from "../runner/result";
import type { Report } from "./report-json";
import { validateReport } from "./validate-report";

/**
 * Recorded platforms: runs kept in the project, for machines a CI run cannot have (a FreeBSD
 * guest built from a source snapshot on one machine). Each is fixtures/recorded/<name>/report.json,
 * the report of that run as it was written. A run with --with-recorded merges them into its
 * compatibility report, marked "recorded" with their date, and never judges them: they are facts
 * from another day, not this run's results. So that every report and the gate read them alike,
 * a recorded row expects what it observed; one that was unexpected when recorded says so in its
 * expectation's reason.
 */

/** fixtures/recorded, from the TS sources or from dist/. */
export function recordedDirectory(): string {
  const candidates = [path.join(__dirname, "..", "..", "fixtures", "recorded"), path.join(__dirname, "..", "..", "..", "fixtures", "recorded")];
  return candidates.find((dir) => fs.existsSync(dir)) ?? candidates[0];
}

/** A recorded report that cannot be used: names the file and what is wrong (CI fails on it). */
export class RecordedReportError extends Error {}

export interface RecordedPlatforms {
  readonly reports: Report[];
  /** What a reader should know: rows dropped (scenarios no longer in the catalogue), scenarios not recorded (added since). */
  readonly notes: string[];
}

/**
 * Every recorded report under `dir`, checked against the current report schema and catalogue:
 * rows of scenarios the catalogue no longer has are dropped, scenarios added since are named as
 * not recorded, and each platform is marked recorded with the run's date and the file.
 */
export function loadRecordedPlatforms(catalogue: ReadonlySet<string>, dir = recordedDirectory()): RecordedPlatforms {
  if (!fs.existsSync(dir)) return { reports: [], notes: [] };
  const reports: Report[] = [];
  const notes: string[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name, "report.json");
    if (!fs.existsSync(file)) continue;
    const source = path.posix.join("fixtures", "recorded", name, "report.json");
    let report: Report;
    try {
      report = JSON.parse(fs.readFileSync(file, "utf8")) as Report;
    } catch (err) {
      throw new RecordedReportError(`${source}: not JSON (${(err as Error).message})`);
    }
    const problems = validateReport(report);
    if (problems.length > 0) throw new RecordedReportError(`${source}: does not match the current report schema: ${problems.slice(0, 3).join("; ")}`);
    const platforms = report.platforms ?? [];
    if (platforms.length === 0 || platforms.some((p) => p.status !== "run")) {
      throw new RecordedReportError(
        `${source}: a recorded report holds platforms that ran (status "run"), got ${platforms.map((p) => `${p.id}: ${p.status}`).join(", ") || "none"}`,
      );
    }
    const kept = report.results.filter((row) => catalogue.has(row.scenario));
    const dropped = report.results.length - kept.length;
    const ids = platforms.map((p) => p.id).join(", ");
    if (dropped > 0) notes.push(`recorded ${ids}: ${dropped} row(s) of scenarios no longer in the catalogue left out`);
    const recordedScenarios = new Set(kept.map((row) => row.scenario));
    const missing = [...catalogue].filter((id) => !recordedScenarios.has(id)).length;
    if (missing > 0)
      notes.push(`recorded ${ids} (${report.generatedAt.slice(0, 10)}): ${missing} scenario(s) not recorded there (added since, or not run then)`);
    const date = report.generatedAt.slice(0, 10);
    reports.push({
      ...report,
      results: kept.map((row) => asRecorded(row, date, source)),
      platforms: platforms.map((p) => ({ ...p, status: "recorded" as const, recorded: { at: report.generatedAt, source } })),
    });
  }
  return { reports, notes };
}

function asRecorded(row: ResultRow, date: string, source: string): ResultRow {
  const seen = outcomesSeen(row);
  const expected = [...new Set([...row.expected, ...seen])];
  if (!isUnexpected(row)) return { ...row, expected };
  const reason = `recorded ${date}: ${seen.join(", ")} was unexpected then (expected ${row.expected.join(" or ")}${row.expectation ? `: ${row.expectation.reason}` : ""}); shown, not judged by this run`;
  return { ...row, expected, expectation: { reason, source } };
}

/** The ids of a report's recorded platforms: their rows are shown, not judged. */
export function recordedPlatformIds(report: Pick<Report, "platforms">): Set<string> {
  return new Set((report.platforms ?? []).filter((p) => p.status === "recorded").map((p) => p.id));
}
