import type { ResultRow } from "../runner/result";
import { REPORT_SCHEMA_VERSION, type PlatformEntry, type Report } from "./report-json";
import { rowKey } from "./row-facts";

/**
 * Merges report.json files from several platforms, or from CI shards of one run, into one
 * matrix. Rules, in the order a reader would ask about them:
 * - a cell (scenario x implementation|pair x platform) seen twice keeps the LATER report's row:
 *   shards may overlap, and a rerun passed last should win;
 * - an implementation keeps its first report's name and version; a different version elsewhere
 *   becomes a note, since rows do not say which version produced them;
 * - every run defaults its platform id to "host", so the same id from machines of different
 *   os/arch is renamed "<id>-<os>-<arch>" in every report (runAs keeps the old id for the rerun
 *   command) instead of letting one machine's rows overwrite the other's;
 * - the result is partial if any input was.
 */
export function mergeReports(reports: readonly Report[]): Report {
  if (reports.length === 0) throw new Error("mergeReports: no reports to merge");
  reports.forEach((report, i) => {
    if (report.schemaVersion !== REPORT_SCHEMA_VERSION) {
      throw new Error(`mergeReports: report ${i + 1} has schemaVersion ${String(report.schemaVersion)}, this tool reads ${REPORT_SCHEMA_VERSION}`);
    }
  });
  const notes: string[] = reports.flatMap((r) => r.notes ?? []);
  const { lists: platformLists, renames } = renameCollidingPlatforms(reports.map(platformsOf), notes);

  const rows = new Map<string, ResultRow>();
  reports.forEach((report, i) => {
    const rename = renames[i];
    let replaced = 0;
    for (const original of report.results) {
      const row = { ...original, platform: rename.get(original.platform) ?? original.platform };
      const key = rowKey(row);
      if (rows.has(key)) replaced += 1;
      rows.set(key, row);
    }
    if (replaced > 0) notes.push(`report ${i + 1}: ${replaced} row(s) replaced an earlier report's rows for the same cell`);
  });

  const clauses = Object.assign({}, ...reports.map((r) => r.clauses ?? {})) as NonNullable<Report["clauses"]>;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: reports.map((r) => r.generatedAt).reduce((a, b) => (a > b ? a : b)),
    environment: {
      platform: distinct(reports.map((r) => r.environment.platform)),
      kernel: distinct(reports.map((r) => r.environment.kernel)),
      arch: distinct(reports.map((r) => r.environment.arch)),
      node: distinct(reports.map((r) => r.environment.node)),
      partial: reports.some((r) => r.environment.partial),
    },
    implementations: mergeImplementations(reports, notes),
    results: [...rows.values()],
    platforms: mergePlatforms(platformLists.flat()),
    ...(Object.keys(clauses).length > 0 ? { clauses } : {}),
    ...(notes.length > 0 ? { notes: [...new Set(notes)] } : {}),
  };
}

/** A report's platforms: its own list, or (a single run) its environment for each id its rows use. */
function platformsOf(report: Report): PlatformEntry[] {
  const listed = report.platforms ?? [];
  const used = [...new Set(report.results.map((r) => r.platform))].filter((id) => !listed.some((p) => p.id === id));
  const { platform: os, arch, kernel, node } = report.environment;
  return [...listed.map((p) => ({ ...p })), ...used.map((id): PlatformEntry => ({ id, os, arch, kernel, node, status: "run" }))];
}

function renameCollidingPlatforms(lists: PlatformEntry[][], notes: string[]): { lists: PlatformEntry[][]; renames: Map<string, string>[] } {
  // An entry that does not say its arch (a hand-written "not-run" one) matches any arch.
  const sameMachine = (a: PlatformEntry, b: PlatformEntry) => a.os === b.os && (a.arch === undefined || b.arch === undefined || a.arch === b.arch);
  const entriesById = new Map<string, PlatformEntry[]>();
  for (const p of lists.flat()) entriesById.set(p.id, [...(entriesById.get(p.id) ?? []), p]);
  const colliding = new Set([...entriesById].filter(([, entries]) => entries.some((a) => entries.some((b) => !sameMachine(a, b)))).map(([id]) => id));
  const newId = (p: PlatformEntry) => {
    const arches = new Set(
      entriesById
        .get(p.id)!
        .filter((q) => q.os === p.os && q.arch !== undefined)
        .map((q) => q.arch),
    );
    const arch = p.arch ?? (arches.size === 1 ? [...arches][0] : undefined);
    return [p.id, p.os, arch].filter(Boolean).join("-");
  };
  for (const id of colliding) {
    const entries = entriesById.get(id)!;
    notes.push(`platform "${id}" came from different machines: renamed ${[...new Set(entries.map(newId))].join(", ")}`);
  }
  const renames = lists.map(() => new Map<string, string>());
  const renamed = lists.map((list, i) =>
    list.map((p) => {
      if (!colliding.has(p.id)) return p;
      const id = newId(p);
      renames[i].set(p.id, id);
      return { ...p, id, runAs: p.runAs ?? p.id };
    }),
  );
  return { lists: renamed, renames };
}

/** "run" beats "not-run" (some shard did run it); otherwise the later entry's facts win. */
function mergePlatforms(entries: readonly PlatformEntry[]): PlatformEntry[] {
  const byId = new Map<string, PlatformEntry>();
  for (const entry of entries) {
    const earlier = byId.get(entry.id);
    if (earlier?.status === "run" && entry.status === "not-run") continue;
    const merged: PlatformEntry = { ...earlier, ...entry };
    if (merged.status === "run") delete merged.reason;
    if (merged.status !== "recorded") delete merged.recorded; // a live run of a recorded platform replaces the recording's mark
    byId.set(entry.id, merged);
  }
  return [...byId.values()];
}

function mergeImplementations(reports: readonly Report[], notes: string[]): Report["implementations"] {
  const byId = new Map<string, { impl: Report["implementations"][number]; from: number }>();
  reports.forEach((report, i) => {
    for (const impl of report.implementations) {
      const first = byId.get(impl.id);
      if (first === undefined) byId.set(impl.id, { impl: { ...impl }, from: i + 1 });
      else if (first.impl.version !== impl.version) {
        notes.push(`implementation "${impl.id}": report ${i + 1} ran version ${impl.version}, the report keeps ${first.impl.version} (report ${first.from})`);
      }
    }
  });
  return [...byId.values()].map((entry) => entry.impl);
}

/** One value when all agree, else the distinct values in order ("linux, darwin"). */
function distinct(values: readonly string[]): string {
  return [...new Set(values)].join(", ");
}
