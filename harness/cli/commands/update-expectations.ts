import * as fs from "node:fs";
import * as path from "node:path";
import type { Report } from "../../report/report-json";
import type { ResultRow } from "../../runner/result";
import { loadExpectationFile } from "../../expectations/expectations";
import { defaultOutcome } from "../../model/level-outcomes";
import { describeOutcomes, outcomesSeen, type Outcome } from "../../model/outcome";

/**
 * Writes an implementation's expectations from a run: every row whose outcome is not the
 * default (pass; informational for INFO) becomes an entry, except `unsupported` ones (never
 * unexpected: they only repeat the capabilities the implementation declares). A flaky row of a
 * --repeat run becomes an `intermittent` entry with the outcomes its runs had. Reasons and links
 * of entries that still hold are kept; new ones get the observed summary as their reason, to be
 * edited, with the run's temporary directories taken out (they name nothing a later run has).
 */
export function writeExpectationsFromReport(report: Report, implementationId: string, file: string): { file: string; entries: number } {
  const previous = fs.existsSync(file) ? loadExpectationFile(file) : undefined;
  const rows = report.results.filter((row) => [row.implementation, row.binder, row.connecter].includes(implementationId));
  const entries = new Map<
    string,
    { scenario: string; outcome: string | string[]; reason: string; link?: string; platforms?: string[]; role?: string; peers?: string[]; intermittent?: true }
  >();
  for (const row of rows) {
    if (isDefault(row)) continue;
    // A flaky cell (--repeat): every outcome other than the default, and intermittent when the
    // default was among them (an intermittent entry accepts pass too).
    const fallback = defaultOutcome(row.level);
    const seen: Outcome[] = outcomesSeen(row).filter((o) => o !== "unsupported");
    const outcomes = seen.filter((o) => o !== fallback);
    const intermittent = seen.includes(fallback);
    const role = row.implementation !== undefined ? undefined : row.binder === implementationId ? "binder" : "connecter";
    // Interop rows name the implementation at the other end, so that a pair that passes (with
    // itself, say) is not swept up by an entry written for a pair that does not.
    const peer = row.implementation !== undefined ? undefined : role === "binder" ? row.connecter : row.binder;
    const key = `${row.scenario}|${role ?? ""}|${outcomes.join(",")}|${intermittent}`;
    const existing = entries.get(key);
    if (existing !== undefined) {
      if (peer !== undefined && !existing.peers?.includes(peer)) existing.peers = [...(existing.peers ?? []), peer];
      continue;
    }
    const kept = previous?.entries.find((e) => e.scenario === row.scenario && outcomes.every((o) => e.outcomes.includes(o)));
    const observed = withoutTemporaryPaths(row.observed.summary.split("\n")[0]);
    entries.set(key, {
      scenario: row.scenario,
      outcome: outcomes.length === 1 ? outcomes[0] : outcomes,
      reason:
        kept?.reason ??
        (intermittent ? `observed in ${row.repeat!.runs} runs: ${describeOutcomes(row)}; the ${row.outcome}: ${observed}` : `observed: ${observed}`),
      ...(kept?.link ? { link: kept.link } : {}),
      ...(role ? { role } : {}),
      ...(peer ? { peers: [peer] } : {}),
      ...(intermittent ? { intermittent: true as const } : {}),
    });
  }
  const body = { implementation: implementationId, expectations: [...entries.values()] };
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  return { file, entries: entries.size };
}

/** Nothing to write: every run had the scenario's own outcome, or `unsupported` (never unexpected). */
function isDefault(row: ResultRow): boolean {
  return outcomesSeen(row).every((o) => o === defaultOutcome(row.level) || o === "unsupported");
}

/**
 * Every scenario runs in a directory of its own (`<tmp>/zic-XXXXXX`, on the host or a container's
 * shared volume), and wildcard binds make more under it: `/tmp/zic-N4AGGu/shared.sock` reads
 * `<scenario dir>/shared.sock`, so the same reason is written on every run.
 */
export function withoutTemporaryPaths(text: string): string {
  return text.replace(/(?:\/[^\s/:'"()]+)*\/zic-[A-Za-z0-9]{6}(?=\/|\b)/g, "<scenario dir>");
}
