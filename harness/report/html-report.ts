import { describeOutcomes, isFlaky, OUTCOMES, type Outcome } from "../model/outcome";
import { LEVELS } from "../model/scenario";
import type { ResultRow } from "../runner/result";
import { HTML_SCRIPT } from "./html-script";
import { HTML_STYLE } from "./html-style";
import { OUTCOME_MARK } from "./outcome-marks";
import type { PlatformEntry, Report } from "./report-json";
import { rerunCommand } from "./rerun-command";
import { explainRow } from "./row-explanation";
import { bySuite, countOutcomes, isUnexpected, oneLine, whoLabel } from "./row-facts";

/**
 * report.html: one self-contained file (inline CSS and JS, nothing fetched) that reads at a
 * glance. The matrix is rendered here as static HTML so it shows even with scripts off; the rows
 * travel once, as a JSON island, for the drill-down. Every text from the report passes through
 * `html()` or the JSON island's escaping: scenario output can contain anything.
 */
export function renderHtml(report: Report): string {
  const rows = report.results;
  const index = new Map(rows.map((row, i) => [row, i]));
  const platforms = platformOrder(report);
  const unexpected = rows.filter(isUnexpected).length;
  const data = {
    marks: OUTCOME_MARK,
    clauses: report.clauses ?? {},
    // Derived once here, so the page cannot judge or explain a row differently from the other reports.
    rows: rows.map((row) => ({ ...row, cmd: rerunCommand(row, report), unexpected: isUnexpected(row), why: expectationOf(row, report) })),
  };
  const suites = [...bySuite(rows)]
    .map(([suite, suiteRows]) => suiteSection(suite, suiteRows, platforms, implementationOrder(report, suiteRows), index, platformLabels(report)))
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ZeroMQ ipc:// conformance report, ${html(report.generatedAt)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
${header(report, unexpected)}
${filters(rows)}
<main>
${rows.length === 0 ? "<p>This report has no results.</p>" : suites}
</main>
<dialog id="drill" aria-label="Result details"><form method="dialog"><button class="close" aria-label="Close">×</button></form><div class="dd" id="drill-body"></div></dialog>
<script type="application/json" id="report-data">${jsonIsland(data)}</script>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
}

function header(report: Report, unexpected: number): string {
  const { environment: env } = report;
  const counts = countOutcomes(report.results);
  const verdict =
    unexpected === 0
      ? `<p class="verdict ok">✓ Nothing unexpected in ${report.results.length} results</p>`
      : `<p class="verdict bad">✗ ${unexpected} unexpected of ${report.results.length} results</p>`;
  const chips = OUTCOMES.filter((o) => counts.get(o)! > 0)
    .map((o) => `<span class="chip">${swatch(o)} ${counts.get(o)} ${o}</span>`)
    .join("");
  const impls = report.implementations
    .map((impl) => {
      const own = report.results.filter((r) => r.implementation === impl.id || r.binder === impl.id || r.connecter === impl.id);
      const c = countOutcomes(own);
      const tally = OUTCOMES.filter((o) => c.get(o)! > 0)
        .map((o) => `${swatch(o)} ${c.get(o)}`)
        .join(" ");
      const surprises = own.filter(isUnexpected).length;
      return `<tr><th><code>${html(impl.id)}</code></th><td>${html(impl.name)}</td><td><code>${html(impl.version)}</code></td><td>${tally}${surprises > 0 ? ` · <b>${surprises} unexpected</b>` : ""}</td></tr>`;
    })
    .join("");
  const platformTable = report.platforms && report.platforms.length > 0 ? platformsTable(report.platforms) : "";
  return `<header>
<h1>ZeroMQ ipc:// conformance</h1>
${verdict}
${env.partial ? `<p class="banner"><b>Partial report:</b> the run was cut short; these are the results that finished.</p>` : ""}
${notRunBanner(report.platforms ?? [])}
<div class="meta">
<table><caption>Run</caption>
<tr><th>generated</th><td>${html(report.generatedAt.replace("T", " ").replace(/\.\d+Z$/, " UTC"))}</td></tr>
<tr><th>environment</th><td>${env.platform.includes(", ") ? "several machines (see Platforms)" : html(`${env.platform} ${env.arch} · ${env.kernel}`)}</td></tr>
<tr><th>node</th><td>${html(env.node)}</td></tr>
</table>
<table><caption>Implementations</caption>${impls}</table>
${platformTable}
<div><b>Results</b><div class="chips">${chips}</div></div>
</div>
<p class="legend"><span class="sw u"> </span> black corner and ring: unexpected (not what the implementation's expectations say)${report.results.some(isFlaky) ? ` · <span class="sw f"> </span> dashed outline: flaky (its repeated runs ended differently; the cell shows the least favourable)` : ""} · a column “a → b”: a binds, b connects · click a cell for the clause, the checks and the command that reruns it</p>
${unexpectedList(report.results)}
${report.notes && report.notes.length > 0 ? `<ul class="notes">${report.notes.map((n) => `<li>${html(n)}</li>`).join("")}</ul>` : ""}
</header>`;
}

/**
 * Every fact of every platform, one row each. A platform that did not run has no column in the
 * matrices, so this row is where it shows: NOT RUN on a grey tag (never a pass's green) and the
 * reason across the facts it has not got.
 */
function platformsTable(platforms: readonly PlatformEntry[]): string {
  const facts: Array<[string, (p: PlatformEntry) => string | undefined]> = [
    ["os", (p) => [p.os, p.arch].filter(Boolean).join(" ") || undefined],
    ["kernel", (p) => p.kernel],
    ["distribution", (p) => p.distro],
    ["libc", (p) => p.libc],
    ["node", (p) => (p.node === undefined ? undefined : `${p.node}${p.libuv ? ` (libuv ${p.libuv})` : ""}`)],
    ["libzmq", (p) => (p.libzmq === undefined ? undefined : `${p.libzmq} (zeromq npm)`)],
    ["user", (p) => p.user],
  ];
  const cell = (value: string | undefined) => (value === undefined ? `<td class="na">—</td>` : `<td>${html(value)}</td>`);
  const rows = platforms.map((p) => {
    const id = `<th><code>${html(p.id)}</code>${p.runAs ? `<div class="runas">run as <code>${html(p.runAs)}</code></div>` : ""}</th>`;
    if (p.status === "run") return `<tr class="p-run">${id}<td class="pstatus">run</td>${facts.map(([, fact]) => cell(fact(p))).join("")}</tr>`;
    if (p.status === "recorded") {
      const when = `<span class="tag recorded">recorded ${html(recordedDate(p))}</span>`;
      const from = `<div class="runas">${html(p.recorded?.source ?? "")}${p.provenance ? ` · ${html(p.provenance)}` : ""}</div>`;
      return `<tr class="p-recorded">${id}<td class="pstatus">${when}${from}</td>${facts.map(([, fact]) => cell(fact(p))).join("")}</tr>`;
    }
    // Not run: the facts it has (often only the os), then the reason over the rest.
    const firstUnknown = facts.findIndex(([, fact]) => fact(p) === undefined);
    const leading = firstUnknown === -1 ? facts.length - 1 : firstUnknown;
    const reason = `<td class="reason" colspan="${facts.length - leading}">${p.reason ? html(p.reason) : "no reason given"}</td>`;
    return `<tr class="p-notrun">${id}<td class="pstatus"><span class="tag notrun">NOT RUN</span></td>${facts
      .slice(0, leading)
      .map(([, fact]) => cell(fact(p)))
      .join("")}${reason}</tr>`;
  });
  return `<table class="platforms"><caption>Platforms</caption>
<thead><tr><th>platform</th><th>status</th>${facts.map(([name]) => `<th>${name}</th>`).join("")}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>`;
}

/** Under the verdict: a planned platform that produced no rows is not covered by "nothing unexpected". */
function notRunBanner(platforms: readonly PlatformEntry[]): string {
  const notRun = platforms.filter((p) => p.status === "not-run");
  if (notRun.length === 0) return "";
  const items = notRun.map((p) => `<code>${html(p.id)}</code>${p.reason ? ` (${html(oneLine(p.reason, 160))})` : ""}`).join("; ");
  return `<p class="banner notrun"><b>Not run on ${notRun.length === 1 ? "1 platform" : `${notRun.length} platforms`}:</b> ${items}. No results from ${notRun.length === 1 ? "it" : "them"} are in this report.</p>`;
}

/** What to look at first, each a link into the drill-down; the filter shows the rest. */
function unexpectedList(rows: readonly ResultRow[]): string {
  const MAX = 20;
  const items = rows.map((row, i) => ({ row, i })).filter(({ row }) => isUnexpected(row));
  if (items.length === 0) return "";
  const lines = items
    .slice(0, MAX)
    .map(
      ({ row, i }) =>
        `<li><button class="jump" data-i="${i}">${swatch(row.outcome)} <span class="mono">${html(row.scenario)}</span> [${html(whoLabel(row, "→"))}] [${html(row.platform)}]</button> expected ${html(row.expected.join(" or ") || "nothing")}: ${html(oneLine(row.observed.summary, 140))}</li>`,
    );
  const more = items.length > MAX ? `<li>…and ${items.length - MAX} more: tick “only unexpected” below</li>` : "";
  return `<div class="unexp"><b>Unexpected results</b><ul>${lines.join("")}${more}</ul></div>`;
}

function filters(rows: readonly ResultRow[]): string {
  const levels = LEVELS.filter((l) => rows.some((r) => r.level === l));
  const outcomes = OUTCOMES.filter((o) => rows.some((r) => r.outcome === o));
  const box = (name: string, value: string, label: string) => `<label><input type="checkbox" name="${name}" value="${html(value)}" checked> ${label}</label>`;
  return `<nav class="filters" aria-label="Filters">
<fieldset><legend>Level</legend>${levels.map((l) => box("level", l, html(l))).join("")}</fieldset>
<fieldset><legend>Outcome</legend>${outcomes.map((o) => box("outcome", o, `${swatch(o)} ${html(o)}`)).join("")}</fieldset>
<label><input type="checkbox" id="f-unexpected"> only unexpected</label>
<input type="search" id="f-text" placeholder="scenario id contains…" aria-label="Filter by scenario id">
<span id="shown"></span>
</nav>`;
}

interface Column {
  platform: string;
  who: string;
  row: Pick<ResultRow, "implementation" | "binder" | "connecter">;
}

function suiteSection(
  suite: string,
  rows: ResultRow[],
  platforms: string[],
  whos: Array<Column["row"]>,
  index: Map<ResultRow, number>,
  labels: ReadonlyMap<string, string>,
): string {
  const present = new Set(rows.map((r) => `${r.platform}\u0000${whoLabel(r)}`));
  const columns: Column[] = platforms.flatMap((platform) =>
    whos.map((row) => ({ platform, who: whoLabel(row), row })).filter((c) => present.has(`${c.platform}\u0000${c.who}`)),
  );
  const cell = new Map(rows.map((r) => [`${r.scenario}\u0000${r.platform}\u0000${whoLabel(r)}`, r]));
  const scenarios = [...new Map(rows.map((r) => [r.scenario, r])).values()];
  const usedPlatforms = platforms.filter((p) => columns.some((c) => c.platform === p));
  const platformNamed = usedPlatforms.length > 1 || (usedPlatforms.length === 1 && usedPlatforms[0] !== "host");
  // The corner cell spans both header rows when there is a platform row, so each row sticks on its own.
  const corner = `<th class="scn" scope="col"${platformNamed ? ' rowspan="2"' : ""}>scenario</th>`;
  const platformRow = platformNamed
    ? `<tr class="plats">${corner}${usedPlatforms.map((p) => `<th class="plat pg" scope="colgroup" colspan="${columns.filter((c) => c.platform === p).length}"><span>${html(labels.get(p) ?? p)}</span></th>`).join("")}</tr>`
    : "";
  // With several platforms a rule opens each platform's group of columns; a lighter one each
  // binder's, so an eye finds "pyzmq → czmq" among 36 pairs by its binder first.
  const opens = (i: number) => usedPlatforms.length > 1 && (i === 0 || columns[i - 1].platform !== columns[i].platform);
  const rule = (i: number) =>
    opens(i) ? "pg" : i > 0 && columns[i].row.binder !== undefined && columns[i - 1].row.binder !== columns[i].row.binder ? "bg" : "";
  const cls = (i: number) => (rule(i) === "" ? "" : ` class="${rule(i)}"`);
  const whoRow = `<tr class="whos">${platformNamed ? "" : corner}${columns.map((c, i) => columnHead(c, rule(i))).join("")}</tr>`;
  const body = scenarios
    .map((s) => {
      const cells = columns.map((c, i) => {
        const row = cell.get(`${s.scenario}\u0000${c.platform}\u0000${c.who}`);
        return row === undefined ? `<td${cls(i)}></td>` : `<td${cls(i)}>${cellButton(row, index.get(row)!)}</td>`;
      });
      const prefix = s.scenario.startsWith(`${suite}.`)
        ? `<span class="pre">${html(suite)}.</span>${html(s.scenario.slice(suite.length + 1))}`
        : html(s.scenario);
      return `<tr data-level="${html(s.level)}" data-id="${html(s.scenario.toLowerCase())}"><th scope="row"><span class="sid mono">${prefix}</span><span class="lvl l-${html(s.level)}">${html(s.level)}</span><div class="title">${html(s.title)}</div></th>${cells.join("")}</tr>`;
    })
    .join("\n");
  const counts = countOutcomes(rows);
  const tally = OUTCOMES.filter((o) => counts.get(o)! > 0)
    .map((o) => `${counts.get(o)} ${o}`)
    .join(", ");
  return `<section class="suite" data-suite="${html(suite)}"><h2>${html(suite)}<small>${scenarios.length} scenarios · ${html(tally)}</small></h2>
<table class="matrix"><thead>${platformRow}${whoRow}</thead><tbody>
${body}
</tbody></table></section>`;
}

/**
 * A column's head: its label runs vertically ("binder → connecter" for a pair) so a column is no
 * wider than its cells whatever the number of implementations. The words a screen reader says,
 * and the tooltip, name each role and the platform in full. `rule`: the class of the rule that
 * opens a group of columns ("pg" a platform's, "bg" a binder's), or "".
 */
function columnHead(column: Column, rule: string): string {
  const { row, platform } = column;
  const ruled = rule === "" ? "" : ` ${rule}`;
  if (row.implementation !== undefined) {
    const name = html(`implementation ${row.implementation}, platform ${platform}`);
    return `<th class="who${ruled}" scope="col" title="${name}" aria-label="${name}"><span class="vl">${html(row.implementation)}</span></th>`;
  }
  const name = html(`binder ${row.binder!}, connecter ${row.connecter!}, platform ${platform}`);
  return `<th class="who pair${ruled}" scope="col" title="${name}" aria-label="${name}"><span class="vl"><span class="b">${html(row.binder!)}</span><span class="arr"> → </span><span class="k">${html(row.connecter!)}</span></span></th>`;
}

function cellButton(row: ResultRow, i: number): string {
  const mark = OUTCOME_MARK[row.outcome] ?? { sign: "?", tone: "grey" };
  const surprise = isUnexpected(row);
  const flaky = isFlaky(row);
  const seen = flaky ? `flaky (${describeOutcomes(row)})` : row.outcome;
  const title = `${seen}${surprise ? ` — UNEXPECTED (expected ${row.expected.join(" or ") || "nothing"})` : ""}: ${row.observed.summary.split("\n", 1)[0].slice(0, 160)}`;
  return `<button class="c t-${mark.tone}${surprise ? " u" : ""}${flaky ? " f" : ""}" data-i="${i}" data-o="${html(row.outcome)}" title="${html(title)}" aria-label="${html(`${whoLabel(row)} ${row.platform}: ${title}`)}">${mark.sign}</button>`;
}

function swatch(outcome: Outcome): string {
  const mark = OUTCOME_MARK[outcome];
  return `<span class="sw t-${mark.tone}" title="${html(`${outcome}: ${mark.meaning}`)}">${mark.sign}</span>`;
}

/** Single implementations in the report's order, then pairs binder-major: the order a reader expects. */
function implementationOrder(report: Report, rows: readonly ResultRow[]): Array<Column["row"]> {
  const ids = [
    ...report.implementations.map((i) => i.id),
    ...rows.flatMap((r) => [r.implementation, r.binder, r.connecter]).filter((x): x is string => x !== undefined),
  ];
  const order = [...new Set(ids)];
  const singles = order.filter((id) => rows.some((r) => r.implementation === id)).map((id) => ({ implementation: id }));
  const pairs = order.flatMap((b) => order.filter((c) => rows.some((r) => r.binder === b && r.connecter === c)).map((c) => ({ binder: b, connecter: c })));
  return [...singles, ...pairs];
}

/** A matrix's platform heading: the id, and for a recorded platform the day of its run (never mistaken for this run's). */
function platformLabels(report: Report): Map<string, string> {
  return new Map((report.platforms ?? []).filter((p) => p.status === "recorded").map((p) => [p.id, `${p.id} (recorded ${recordedDate(p)})`]));
}

/** "2026-12-05": the day a recorded platform's run happened. */
const recordedDate = (p: PlatformEntry) => (p.recorded?.at ?? "").slice(0, 10);

function platformOrder(report: Report): string[] {
  return [...new Set([...(report.platforms ?? []).map((p) => p.id), ...report.results.map((r) => r.platform)])];
}

/** The drill-down's "Expectation": the clause's sentence travels once, in `clauses`, not with every row. */
function expectationOf(row: ResultRow, report: Report) {
  const { expected, because, link, source } = explainRow(row, report);
  return { expected, because, ...(link !== undefined ? { link } : {}), ...(source !== undefined ? { source } : {}) };
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text and attribute values alike. */
export function html(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * JSON inside <script>: "</script>" or "<!--" in a value must not end or change the element, so
 * every <, > and & is written as a \u escape (still the same JSON), as are the two line
 * separators old parsers treat as newlines.
 */
export function jsonIsland(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
