import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { ImplementationInfo } from "../adapters/implementation";
import type { ResultRow } from "../runner/result";

/** Bumped on any change a reader of report.json would notice. */
export const REPORT_SCHEMA_VERSION = 1;

export interface Report {
  schemaVersion: number;
  generatedAt: string;
  environment: {
    platform: string;
    kernel: string;
    arch: string;
    node: string;
    /** True when the run was cut short: the rows are what finished. */
    partial: boolean;
  };
  implementations: Array<Pick<ImplementationInfo, "id" | "name" | "version">>;
  results: ResultRow[];
}

export function buildReport(implementations: readonly ImplementationInfo[], results: ResultRow[], partial: boolean): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: new Date().toISOString(),
    environment: {
      platform: os.platform(),
      kernel: `${os.type()} ${os.release()}`,
      arch: os.arch(),
      node: process.version,
      partial,
    },
    implementations: implementations.map(({ id, name, version }) => ({ id, name, version })),
    results,
  };
}

/** Written to a temporary name and renamed, so a crash mid-write never leaves half a report. */
export function writeReportJson(dir: string, report: Report): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "report.json");
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(report, null, 2)}\n`);
  fs.renameSync(temporary, file);
  return file;
}
