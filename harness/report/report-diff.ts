import { describeOutcomes, outcomesSeen } from "../model/outcome";
import type { ResultRow } from "../runner/result";
import type { Report } from "./report-json";
import { oneLine, rowKey, whoLabel } from "./row-facts";

/**
 * What became of each cell between two runs (an old report and a new one), as wpt.fyi's compare
 * view tells it: the cells that stopped passing, the ones that started, and what else moved.
 * A cell is scenario x implementation (or pair) x platform; a repeated cell counts every outcome
 * its runs had, so "pass 4, fail 1" is not passing.
 */
export type CellChange =
  /** Passed in every run before; now fails, misses a SHOULD, times out, errs or flakes. */
  | "regression"
  /** Did not pass before (it ran and failed, or flaked); now passes in every run. */
  | "fix"
  /** Passed before; now not run at all (the implementation no longer declares what it needs, or the platform lacks it). */
  | "no longer run"
  /** Any other change of outcome (fail to non-strict, skipped to pass, ...). */
  | "changed"
  /** Only in the new report. */
  | "new"
  /** Only in the old report. */
  | "removed";

export const CHANGE_ORDER: readonly CellChange[] = ["regression", "fix", "no longer run", "changed", "new", "removed"];

export interface CellDiff {
  readonly change: CellChange;
  readonly scenario: string;
  /** The implementation, or binder->connecter. */
  readonly who: string;
  readonly platform: string;
  /** The outcomes as the report prints them ("pass", "pass 4, fail 1"); absent for a cell not in that report. */
  readonly before?: string;
  readonly after?: string;
  /** The newer row's one-line reason (the older one's for a removed cell). */
  readonly why: string;
}

export interface ReportDiff {
  readonly cells: readonly CellDiff[];
  /** Implementations whose version differs between the two reports: "reference 0.1.0 -> 0.2.0". */
  readonly versions: readonly string[];
  readonly counts: Readonly<Record<CellChange, number>>;
}

const NOT_RUN = new Set(["unsupported", "skipped"]);

const passes = (row: ResultRow) => outcomesSeen(row).every((o) => o === "pass");
const notRun = (row: ResultRow) => outcomesSeen(row).every((o) => NOT_RUN.has(o));

/** The outcomes a row had, as a set: a single run's "pass" and a repeated cell's "pass 5" are the same. */
const outcomeSet = (row: ResultRow) => outcomesSeen(row).join(",");

/** How one cell present in both reports changed, or undefined when it had the same outcomes. */
function changeOf(before: ResultRow, after: ResultRow): CellChange | undefined {
  if (outcomeSet(before) === outcomeSet(after)) return undefined;
  if (passes(before) && !passes(after)) return notRun(after) ? "no longer run" : "regression";
  if (!passes(before) && !notRun(before) && passes(after)) return "fix";
  return "changed";
}

export function diffReports(older: Report, newer: Report): ReportDiff {
  const oldRows = new Map(older.results.map((row) => [rowKey(row), row]));
  const newRows = new Map(newer.results.map((row) => [rowKey(row), row]));
  const cells: CellDiff[] = [];
  const cell = (change: CellChange, row: ResultRow, before?: ResultRow, after?: ResultRow): CellDiff => ({
    change,
    scenario: row.scenario,
    who: whoLabel(row),
    platform: row.platform,
    ...(before !== undefined ? { before: describeOutcomes(before) } : {}),
    ...(after !== undefined ? { after: describeOutcomes(after) } : {}),
    why: oneLine(row.observed.summary),
  });
  for (const [key, after] of newRows) {
    const before = oldRows.get(key);
    if (before === undefined) {
      cells.push(cell("new", after, undefined, after));
      continue;
    }
    const change = changeOf(before, after);
    if (change !== undefined) cells.push(cell(change, after, before, after));
  }
  for (const [key, before] of oldRows) if (!newRows.has(key)) cells.push(cell("removed", before, before, undefined));
  cells.sort(
    (a, b) =>
      a.who.localeCompare(b.who) ||
      a.platform.localeCompare(b.platform) ||
      CHANGE_ORDER.indexOf(a.change) - CHANGE_ORDER.indexOf(b.change) ||
      a.scenario.localeCompare(b.scenario),
  );
  const counts = Object.fromEntries(CHANGE_ORDER.map((change) => [change, cells.filter((c) => c.change === change).length])) as Record<CellChange, number>;
  const oldVersions = new Map(older.implementations.map((impl) => [impl.id, impl.version]));
  const versions = newer.implementations
    .filter((impl) => oldVersions.has(impl.id) && oldVersions.get(impl.id) !== impl.version)
    .map((impl) => `${impl.id} ${oldVersions.get(impl.id)} -> ${impl.version}`);
  return { cells, versions, counts };
}

/** "2 regressions, 1 fix, 0 no longer run, ...": every category, in order. */
export function diffSummary(diff: ReportDiff): string {
  const label: Record<CellChange, [string, string]> = {
    regression: ["regression", "regressions"],
    fix: ["fix", "fixes"],
    "no longer run": ["no longer run", "no longer run"],
    changed: ["other change", "other changes"],
    new: ["new cell", "new cells"],
    removed: ["removed cell", "removed cells"],
  };
  return CHANGE_ORDER.map((change) => `${diff.counts[change]} ${label[change][diff.counts[change] === 1 ? 0 : 1]}`).join(", ");
}

/** The diff for a terminal: one group per implementation and platform, one line per changed cell. */
export function diffAsText(diff: ReportDiff, olderName: string, newerName: string): string[] {
  const lines = [`${olderName} -> ${newerName}: ${diffSummary(diff)}`];
  for (const version of diff.versions) lines.push(`  version: ${version}`);
  let group = "";
  for (const cell of diff.cells) {
    const heading = `${cell.who} on ${cell.platform}`;
    if (heading !== group) {
      lines.push("", heading);
      group = heading;
    }
    lines.push(`  ${cell.change.padEnd(13)} ${cell.scenario}: ${cell.before ?? "(absent)"} -> ${cell.after ?? "(absent)"}`);
    if (cell.change === "regression" || cell.change === "changed") lines.push(`  ${"".padEnd(13)} ${cell.why}`);
  }
  return lines;
}

/** The diff as Markdown, for a pull request comment: a summary line and one table row per changed cell. */
export function diffAsMarkdown(diff: ReportDiff, olderName: string, newerName: string): string[] {
  const lines = [`### Conformance: ${diffSummary(diff)}`, "", `\`${escapeMarkdown(olderName)}\` → \`${escapeMarkdown(newerName)}\``];
  for (const version of diff.versions) lines.push("", `Version: ${escapeMarkdown(version)}`);
  if (diff.cells.length === 0) return [...lines, "", "No cell changed."];
  lines.push("", "| change | scenario | implementation | platform | before | after | why (newer run) |", "|---|---|---|---|---|---|---|");
  for (const cell of diff.cells) {
    const mark = cell.change === "regression" ? "**regression**" : cell.change;
    lines.push(
      `| ${mark} | \`${cell.scenario}\` | ${escapeMarkdown(cell.who)} | ${escapeMarkdown(cell.platform)} | ${escapeMarkdown(cell.before ?? "—")} | ${escapeMarkdown(cell.after ?? "—")} | ${escapeMarkdown(cell.why)} |`,
    );
  }
  return lines;
}

/** Table cells hold any text a report carries: pipes, backticks, HTML and line breaks are neutralised. */
function escapeMarkdown(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/`/g, "\\`").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r?\n/g, " ");
}
