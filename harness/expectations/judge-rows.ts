import type { PlatformIpc } from "../model/platform-limits";
import type { Scenario } from "../model/scenario";
import type { Report } from "../report/report-json";
import type { ExpectationNote, ResultRow } from "../runner/result";
import type { ObservedRow } from "../runner/result";
import { expectedFor, shippedExpectations, type Expected, type ExpectationSet } from "./expectations";

/**
 * Rows meet their expectations here: each gets the outcomes its implementation's expectations
 * allow on its platform, and the entry that said so (its reason, link and line), so that every
 * report can say why a result was expected, not only that it was.
 */

/** Expectation sets by implementation id: the shipped file of each, replaced by an --expect file for the same id. */
export function expectationSets(ids: readonly string[], overrides: readonly ExpectationSet[]): Map<string, ExpectationSet> {
  const sets = new Map<string, ExpectationSet>();
  for (const id of ids) sets.set(id, shippedExpectations(id));
  for (const set of overrides) sets.set(set.implementation, set);
  return sets;
}

/** Gives a row the outcomes its expectations allow on this platform. */
export function rowCompleter(
  scenarios: readonly Scenario[],
  sets: ReadonlyMap<string, ExpectationSet>,
  platformId: string,
  platform: Pick<PlatformIpc, "name">,
  /** The implementations run on another machine than the harness (a remote platform). */
  remoteMachine = false,
) {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  return (row: ObservedRow): ResultRow => {
    const expected = expectedFor(
      {
        scenario: byId.get(row.scenario)!,
        platformId,
        platformName: platform.name,
        implementation: row.implementation,
        binder: row.binder,
        connecter: row.connecter,
        remoteMachine,
      },
      sets,
    );
    return withExpectation(row, expected);
  };
}

/** The row with `expected` and `expectation` set from what expectedFor decided (any earlier ones replaced). */
export function withExpectation(row: ObservedRow | ResultRow, expected: Expected): ResultRow {
  const { expectation: _earlier, ...rest } = row as ResultRow;
  const note = expectationNote(expected);
  return { ...rest, expected: expected.outcomes, ...(note === undefined ? {} : { expectation: note }) };
}

function expectationNote(expected: Expected): ExpectationNote | undefined {
  const entry = expected.entry;
  if (entry === undefined && expected.reason !== undefined) return { reason: expected.reason, source: "scenario metadata" };
  if (entry === undefined) return undefined;
  return {
    reason: entry.reason,
    ...(entry.link !== undefined ? { link: entry.link } : {}),
    source: `${expected.file ?? "expectations"}:${entry.line}`,
    ...(entry.intermittent ? { intermittent: true } : {}),
  };
}

/**
 * Judges a finished report's rows again by --expect files (the `report` command, merging CI
 * shards): the rows an overridden implementation takes part in get the outcomes its new file
 * allows; the others keep what their run decided. A row whose scenario this catalogue no longer
 * has keeps its old judgement, and a note says so.
 */
export function rejudgeReport(report: Report, overrides: readonly ExpectationSet[], catalogue: readonly Scenario[]): Report {
  if (overrides.length === 0) return report;
  const owners = new Set(overrides.map((set) => set.implementation));
  const sets = expectationSets(
    report.implementations.map((impl) => impl.id),
    overrides,
  );
  const byId = new Map(catalogue.map((s) => [s.id, s]));
  const osOf = (platformId: string) => report.platforms?.find((p) => p.id === platformId)?.os ?? report.environment.platform;
  const unknown = new Set<string>();
  const recorded = new Set((report.platforms ?? []).filter((p) => p.status === "recorded").map((p) => p.id));
  const results = report.results.map((row) => {
    if (recorded.has(row.platform)) return row; // a recording is shown as it was, never judged again
    if (![row.implementation, row.binder, row.connecter].some((id) => id !== undefined && owners.has(id))) return row;
    const scenario = byId.get(row.scenario);
    if (scenario === undefined) {
      unknown.add(row.scenario);
      return row;
    }
    const expected = expectedFor(
      {
        scenario,
        platformId: row.platform,
        platformName: osOf(row.platform),
        implementation: row.implementation,
        binder: row.binder,
        connecter: row.connecter,
        remoteMachine: report.platforms?.find((p) => p.id === row.platform)?.reachedThrough !== undefined,
      },
      sets,
    );
    return withExpectation(row, expected);
  });
  const notes = [...(report.notes ?? [])];
  if (unknown.size > 0) notes.push(`not judged again (no such scenario in this version): ${[...unknown].join(", ")}`);
  return {
    ...report,
    results,
    implementations: report.implementations.map((impl) => {
      const file = overrides.find((set) => set.implementation === impl.id)?.file;
      return file === undefined ? impl : { ...impl, expectations: file };
    }),
    ...(notes.length > 0 ? { notes } : {}),
  };
}
