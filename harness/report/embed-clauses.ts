import { clauseById } from "../../fixtures/spec";
import type { Report, ReportClause } from "./report-json";

/**
 * Adds the text of every clause the rows cite, so report.html can quote the sentence a result
 * is about and a report read later still shows the spec it was checked against. Clauses the
 * report already carries are kept as they are (a merged report may quote an older text).
 */
export function withClauses(report: Report): Report {
  const clauses: Record<string, ReportClause> = { ...report.clauses };
  for (const id of new Set(report.results.map((r) => r.clause))) {
    if (clauses[id] !== undefined) continue;
    const clause = clauseById(id);
    if (clause === undefined) continue;
    clauses[id] = {
      text: clause.text,
      source: clause.source,
      level: clause.level,
      display: clause.display,
      ...(clause.url !== undefined ? { url: clause.url } : {}),
    };
  }
  return Object.keys(clauses).length === 0 ? report : { ...report, clauses };
}
