import { describeOutcomes, isFlaky, OUTCOMES, type Outcome } from "../model/outcome";
import type { ResultRow } from "../runner/result";
import type { PlatformEntry, Report } from "./report-json";
import { rerunCommand } from "./rerun-command";
import { countOutcomes, isUnexpected, oneLine, whoLabel } from "./row-facts";
import { cutSentence, explainRow, isKnownNonPass } from "./row-explanation";

/**
 * summary.md: for a pull-request comment or $GITHUB_STEP_SUMMARY. GitHub cuts a comment at
 * 65,536 characters, so every list stops within a byte budget with "and N more"; the full
 * detail is in report.html. Order: verdict, counts, what to act on, then what to know.
 */
const BUDGET_BYTES = 60_000;
const MAX_TABLE_ROWS = 60;
const MAX_UNEXPECTED = 100;
const MAX_KNOWN = 60;
const MAX_NOTES = 10;
const MAX_PLATFORM_ROWS = 20;

const EMOJI: Record<Outcome, string> = {
  pass: "✅",
  fail: "❌",
  "non-strict": "⚠️",
  informational: "ℹ️",
  unsupported: "🚫",
  skipped: "⏭️",
  timeout: "⏱️",
  error: "💥",
};

export function renderSummary(report: Report): string {
  const rows = report.results;
  const unexpected = rows.filter(isUnexpected);
  // Failures first: they are what the reader has to fix; unexpected passes only need the expectations updated.
  unexpected.sort((a, b) => Number(a.outcome === "pass") - Number(b.outcome === "pass"));
  const known = rows.filter(isKnownNonPass);

  const head = [
    unexpected.length === 0
      ? `## ✅ ZeroMQ ipc:// conformance: nothing unexpected (${rows.length} results)`
      : `## ❌ ZeroMQ ipc:// conformance: ${unexpected.length} unexpected of ${rows.length} results`,
    "",
    ...(report.environment.partial ? ["> ⚠️ **Partial report**: the run was cut short; these are the results that finished.", ""] : []),
    ...notRunLine(report.platforms ?? []),
    `${md(report.generatedAt)} · ${md(`${report.environment.platform} ${report.environment.arch}`)} · node ${md(report.environment.node)} · ${report.implementations.map((i) => `${md(i.id)} ${md(i.version)}`).join(", ")}`,
    "",
    "",
  ].join("\n");

  let budget = BUDGET_BYTES - bytes(head);
  const parts = [head];
  const add = (text: string) => {
    parts.push(text);
    budget -= bytes(text);
  };

  add(countsTable(rows));
  if (report.platforms && report.platforms.length > 0) add(platformsTable(report.platforms));
  if ((report.notes ?? []).length > 0) add(notesList(report.notes ?? []));
  if (unexpected.length > 0) {
    add(`\n### Unexpected results (${unexpected.length})\n\n`);
    add(
      boundedList(
        unexpected,
        MAX_UNEXPECTED,
        budget - 8_000,
        (row) => `- ${unexpectedLine(row)}\n${explanation(row, report, true)}  - rerun: ${code(rerunCommand(row, report))}\n`,
      ),
    );
  }
  const repeated = rows.filter((r) => r.repeat !== undefined);
  if (repeated.length > 0) add(flakyList(repeated, budget - 4_000));
  if (known.length > 0) {
    add(`\n### Expected, not passing (${known.length}): known and explained in the expectations\n\n`);
    add(
      boundedList(
        known,
        MAX_KNOWN,
        budget - 200,
        (row) =>
          `- ${EMOJI[row.outcome]} **${outcomeOf(row)}** ${code(row.scenario)} · ${md(whoLabel(row, "→"))} · ${md(row.platform)}\n${explanation(row, report, false)}`,
      ),
    );
  }
  return `${parts.join("")}\n`;
}

/** Counts by outcome for each implementation (or pair) x platform; only columns with a count. */
function countsTable(rows: readonly ResultRow[]): string {
  const groups = new Map<string, ResultRow[]>();
  for (const row of rows) {
    const key = `${whoLabel(row, "→")}\u0000${row.platform}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [row]);
    else group.push(row);
  }
  const outcomes = OUTCOMES.filter((o) => rows.some((r) => r.outcome === o));
  const lines = [
    `| implementation | platform | ${outcomes.map((o) => `${EMOJI[o]} ${o}`).join(" | ")} | unexpected |`,
    `|---|---|${outcomes.map(() => "--:|").join("")}--:|`,
  ];
  const entries = [...groups];
  for (const [key, group] of entries.slice(0, MAX_TABLE_ROWS)) {
    const [who, platform] = key.split("\u0000");
    const counts = countOutcomes(group);
    const surprises = group.filter(isUnexpected).length;
    lines.push(`| ${md(who)} | ${md(platform)} | ${outcomes.map((o) => counts.get(o) || "").join(" | ")} | ${surprises > 0 ? `**${surprises}**` : "0"} |`);
  }
  if (entries.length > MAX_TABLE_ROWS) lines.push(`\n…and ${entries.length - MAX_TABLE_ROWS} more implementation x platform rows (see report.html)`);
  return `${lines.join("\n")}\n`;
}

/**
 * The versions each platform ran with, and why a planned one did not run. Bounded like the
 * other tables: a merge of many shards still has a handful of platforms.
 */
function platformsTable(platforms: readonly PlatformEntry[]): string {
  const cell = (value: string | undefined) => (value === undefined ? "" : md(oneLine(value, 80)));
  const lines = ["\n### Platforms\n", "| platform | status | distribution | node | libc | libzmq | user |", "|---|---|---|---|---|---|---|"];
  for (const p of platforms.slice(0, MAX_PLATFORM_ROWS)) {
    const status =
      p.status === "run"
        ? "run"
        : p.status === "recorded"
          ? `recorded ${md((p.recorded?.at ?? "").slice(0, 10))} (${md(p.recorded?.source ?? "")}), not run now`
          : `**NOT RUN**: ${p.reason ? md(oneLine(p.reason, 300)) : "no reason given"}`;
    lines.push(
      `| ${md(p.id)} | ${status} | ${cell(p.distro)} | ${cell(p.node === undefined ? undefined : `${p.node}${p.libuv ? ` (libuv ${p.libuv})` : ""}`)} | ${cell(p.libc)} | ${cell(p.libzmq)} | ${cell(p.user)} |`,
    );
  }
  if (platforms.length > MAX_PLATFORM_ROWS) lines.push(`\n…and ${platforms.length - MAX_PLATFORM_ROWS} more platforms (see report.html)`);
  return `${lines.join("\n")}\n`;
}

/** Under the verdict: "nothing unexpected" says nothing about a platform that did not run. */
function notRunLine(platforms: readonly PlatformEntry[]): string[] {
  const notRun = platforms.filter((p) => p.status === "not-run");
  if (notRun.length === 0) return [];
  return [
    `> ⚠️ **Not run on ${notRun.length === 1 ? "1 platform" : `${notRun.length} platforms`}**: ${notRun
      .slice(0, MAX_PLATFORM_ROWS)
      .map((p) => code(p.id))
      .join(", ")}${notRun.length > MAX_PLATFORM_ROWS ? ", …" : ""} (reasons under Platforms)`,
    "",
  ];
}

function unexpectedLine(row: ResultRow): string {
  const expected = row.expected.join(" or ") || "nothing";
  return `${EMOJI[row.outcome]} **${outcomeOf(row)}** (expected ${md(expected)}) ${code(row.scenario)} · ${md(whoLabel(row, "→"))} · ${md(row.platform)}: ${md(oneLine(row.observed.summary, 200))}`;
}

/** "fail", or "flaky: pass 4, timeout 1" for a repeated cell whose runs differed. */
function outcomeOf(row: ResultRow): string {
  return isFlaky(row) ? `flaky: ${describeOutcomes(row)}` : row.outcome;
}

/** The cells whose repeated runs did not all end the same way, with what each run ended with. */
function flakyList(repeated: readonly ResultRow[], budget: number): string {
  const flaky = repeated.filter(isFlaky);
  const head = `\n### Flaky cells: ${flaky.length} of ${repeated.length}, each run ${repeated[0].repeat!.runs} times\n\n`;
  if (flaky.length === 0) return head;
  return (
    head +
    boundedList(
      flaky,
      MAX_KNOWN,
      budget,
      (row) =>
        `- ${code(row.scenario)} · ${md(whoLabel(row, "→"))} · ${md(row.platform)}: ${md(describeOutcomes(row))}; expected ${md(row.expected.join(" or "))}${isUnexpected(row) ? " **UNEXPECTED**" : " (intermittent, as expected)"}\n`,
    )
  );
}

/** The clause, its sentence, and why the outcome was expected: sub-items of a row's item. */
function explanation(row: ResultRow, report: Report, withExpected: boolean): string {
  const why = explainRow(row, report);
  const sentence = why.sentence === undefined ? "" : ` *“${md(cutSentence(why.sentence, 200))}”*`;
  const link = why.link === undefined ? "" : ` ${safeLink(why.link)}`;
  const source = why.source === undefined ? "" : ` (${code(why.source)})`;
  return (
    [
      `  - clause ${code(why.clause)} (${why.level}):${sentence}`,
      `  - ${withExpected ? `expected ${md(why.expected)}` : "because"}: ${md(oneLine(why.because, 300))}${source}${link}`,
    ].join("\n") + "\n"
  );
}

/** A link only for http(s) addresses; anything else is shown as code, never made clickable. */
function safeLink(url: string): string {
  return /^https?:\/\/[^\s<>()]+$/.test(url) ? `[link](${url})` : code(url);
}

/** What the run itself had to say: a driver that could not start, a merge's decisions. */
function notesList(notes: readonly string[]): string {
  const items = notes.slice(0, MAX_NOTES).map((note) => {
    const [first, ...rest] = note.split("\n");
    return `- ${md(oneLine(first, 400))}${
      rest.length > 0
        ? `\n\n  \`\`\`\n${rest
            .slice(-12)
            .map((l) => `  ${l.replace(/`/g, "'")}`)
            .join("\n")}\n  \`\`\``
        : ""
    }\n`;
  });
  const more = notes.length > MAX_NOTES ? `- …and ${notes.length - MAX_NOTES} more (report.json)\n` : "";
  return `\n### Notes\n\n${items.join("")}${more}`;
}

/** Items while they fit both the count and the byte budget, then "and N more". */
function boundedList<T>(items: readonly T[], maxItems: number, maxBytes: number, render: (item: T) => string): string {
  let out = "";
  let used = 0;
  let shown = 0;
  for (const item of items) {
    const text = render(item);
    if (shown >= maxItems || used + bytes(text) > maxBytes) break;
    out += text;
    used += bytes(text);
    shown += 1;
  }
  if (shown < items.length) out += `- …and ${items.length - shown} more (see report.html)\n`;
  return out;
}

/** Inline Markdown text: one line, with the characters that would start markup or HTML escaped. */
function md(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/[\\`*_[\]<>|~&#!]/g, (c) => `\\${c}`);
}

/** A code span whose fence is longer than any run of backticks inside it. */
function code(text: string): string {
  const flat = text.replace(/[\r\n]+/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
