import * as fs from "node:fs";
import * as path from "node:path";
import { writeFileAtomic } from "./atomic-write";
import { withClauses } from "./embed-clauses";
import { renderHtml } from "./html-report";
import { renderJunit } from "./junit-report";
import { renderSummary } from "./markdown-summary";
import { writeReportJson, type Report } from "./report-json";

export interface ReportFiles {
  json: string;
  html: string;
  junit: string;
  markdown: string;
}

/**
 * Writes the four reports (docs/reports.md) into `dir`: report.json, report.html, junit.xml and
 * summary.md, each atomically (a crash mid-write leaves the previous file, never half of one).
 * report.json is written first, so it is there even if a renderer throws. The cited clauses are
 * embedded first, so report.json and report.html quote the same text.
 */
export function writeReports(dir: string, report: Report): ReportFiles {
  fs.mkdirSync(dir, { recursive: true });
  const full = withClauses(report);
  const json = writeReportJson(dir, full);
  return {
    json,
    html: writeFileAtomic(path.join(dir, "report.html"), renderHtml(full)),
    junit: writeFileAtomic(path.join(dir, "junit.xml"), renderJunit(full)),
    markdown: writeFileAtomic(path.join(dir, "summary.md"), renderSummary(full)),
  };
}
