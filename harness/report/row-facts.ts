import { OUTCOMES, type Outcome } from "../model/outcome";
import { SUITES } from "../model/scenario";
import type { ResultRow } from "../runner/result";

/**
 * What every renderer asks of a row: who played it, whether it surprised the expectations, and
 * the key that names its cell. Kept in one place so the HTML, JUnit and Markdown agree.
 */

/** The implementation, or `binder->connecter` for a pair row (the CLI prints the same). */
export function whoLabel(row: Pick<ResultRow, "implementation" | "binder" | "connecter">, arrow = "->"): string {
  return row.implementation ?? `${row.binder}${arrow}${row.connecter}`;
}

/** One cell of the matrix: scenario x implementation (or pair) x platform. */
export function rowKey(row: ResultRow): string {
  return JSON.stringify([row.scenario, row.implementation ?? null, row.binder ?? null, row.connecter ?? null, row.platform]);
}

/** The gate's rule, where the renderers look for it (it lives with the outcomes). */
export { isUnexpected } from "../model/outcome";

export function countOutcomes(rows: readonly ResultRow[]): Map<Outcome, number> {
  const counts = new Map<Outcome, number>(OUTCOMES.map((o) => [o, 0]));
  for (const row of rows) counts.set(row.outcome, (counts.get(row.outcome) ?? 0) + 1);
  return counts;
}

/** Rows grouped by suite, suites in the catalogue's order (unknown ones after, as met). */
export function bySuite(rows: readonly ResultRow[]): Map<string, ResultRow[]> {
  const groups = new Map<string, ResultRow[]>();
  const order = (suite: string) => {
    const i = (SUITES as readonly string[]).indexOf(suite);
    return i < 0 ? SUITES.length : i;
  };
  const suites = [...new Set(rows.map((r) => r.suite as string))].sort((a, b) => order(a) - order(b));
  for (const suite of suites) groups.set(suite, []);
  for (const row of rows) groups.get(row.suite)!.push(row);
  return groups;
}

/** The first line of a summary, shortened: for places with room for one line. */
export function oneLine(text: string, max = 200): string {
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}
