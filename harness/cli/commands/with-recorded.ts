import type { Scenario } from "../../model/scenario";
import { mergeReports } from "../../report/merge-reports";
import { loadRecordedPlatforms } from "../../report/recorded-platforms";
import type { Report } from "../../report/report-json";

/**
 * The recorded platforms (fixtures/recorded/) beside this run's, when asked for: each a column of
 * its own, marked with its date; this run's rows win a cell both have.
 */
export function withRecordedPlatforms(report: Report, catalogue: readonly Scenario[], log: (line: string) => void): Report {
  const recorded = loadRecordedPlatforms(new Set(catalogue.map((s) => s.id)));
  // A platform this run ran live is shown live: its recording stays out.
  const live = new Set((report.platforms ?? []).map((p) => p.id));
  const shown = recorded.reports.filter((r) => !(r.platforms ?? []).some((p) => live.has(p.id)));
  if (shown.length === 0) {
    log("no recorded platforms to add (fixtures/recorded/)");
    return report;
  }
  for (const entry of shown.flatMap((r) => r.platforms ?? [])) log(`recorded: ${entry.id} (${entry.recorded?.at.slice(0, 10)}, ${entry.recorded?.source})`);
  // This run first: an implementation keeps this run's version where a recording ran another.
  const merged = mergeReports([report, ...shown]);
  const notes = [...(merged.notes ?? []), ...recorded.notes];
  return { ...merged, ...(notes.length > 0 ? { notes } : {}) };
}
