import type { ResultRow } from "../runner/result";
import type { Report } from "./report-json";
import { rerunCommand } from "./rerun-command";
import { bySuite, isUnexpected, oneLine, whoLabel } from "./row-facts";
import { xmlAttr, xmlText } from "./xml-escape";

/**
 * junit.xml, for CI dashboards. A CI job fails on <failure> and <error>, so these follow the
 * gate (design.md: only UNEXPECTED results fail):
 *   unexpected timeout/error            -> <error>
 *   any other unexpected outcome        -> <failure> (an unexpected pass is "unexpected pass")
 *   expected pass                       -> passed
 *   expected non-strict / informational -> passed, with the observation in <system-out>
 *   expected unsupported / skipped      -> <skipped message=reason>
 *   expected fail / timeout / error     -> <skipped message="known fail: ..."> (a known failure
 *                                          listed in the expectations: visible, not red)
 */
type Verdict = { kind: "passed"; out?: string } | { kind: "failure" | "error" | "skipped"; message: string; body?: string };

export function junitVerdict(row: ResultRow): Verdict {
  const summary = oneLine(row.observed.summary);
  const expected = row.expected.join(" or ") || "nothing";
  if (isUnexpected(row)) {
    if (row.outcome === "timeout" || row.outcome === "error") return { kind: "error", message: `${row.outcome}: ${summary}`, body: details(row) };
    const message = row.outcome === "pass" ? `unexpected pass (expected ${expected})` : `unexpected ${row.outcome} (expected ${expected}): ${summary}`;
    return { kind: "failure", message, body: details(row) };
  }
  switch (row.outcome) {
    case "pass":
      return { kind: "passed" };
    case "non-strict":
    case "informational":
      return { kind: "passed", out: details(row) };
    case "unsupported":
    case "skipped":
      return { kind: "skipped", message: `${row.outcome}: ${summary}` };
    default:
      return { kind: "skipped", message: `known ${row.outcome} (listed in the expectations): ${summary}`, body: details(row) };
  }
}

export function renderJunit(report: Report): string {
  const suites = [...bySuite(report.results)].map(([suite, rows]) => testsuite(suite, rows, report));
  const total = tally(report.results);
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="zmq-ipc-conformance" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}" time="${seconds(total.ms)}">
${suites.join("\n")}
</testsuites>
`;
}

function testsuite(suite: string, rows: ResultRow[], report: Report): string {
  const t = tally(rows);
  const properties = [
    ...report.implementations.map((i) => property(`implementation.${i.id}`, `${i.name} ${i.version}`)),
    property("environment", `${report.environment.platform} ${report.environment.arch} ${report.environment.kernel} node ${report.environment.node}`),
    ...(report.environment.partial ? [property("partial", "true")] : []),
  ];
  const cases = rows.map((row) => testcase(row, report));
  return `  <testsuite name="${xmlAttr(suite)}" tests="${t.tests}" failures="${t.failures}" errors="${t.errors}" skipped="${t.skipped}" time="${seconds(t.ms)}" timestamp="${xmlAttr(report.generatedAt.slice(0, 19))}">
    <properties>
${properties.join("\n")}
    </properties>
${cases.join("\n")}
  </testsuite>`;
}

function testcase(row: ResultRow, report: Report): string {
  const name = `${row.scenario} [${whoLabel(row)}] [${row.platform}]`;
  const open = `    <testcase name="${xmlAttr(name)}" classname="${xmlAttr(row.suite)}" time="${seconds(row.durationMs)}"`;
  const verdict = junitVerdict(row);
  if (verdict.kind === "passed") {
    return verdict.out === undefined ? `${open}/>` : `${open}>\n      <system-out>${xmlText(verdict.out)}</system-out>\n    </testcase>`;
  }
  const body = verdict.body === undefined ? "" : xmlText(`${verdict.body}\nrerun: ${rerunCommand(row, report.platforms)}`);
  const element = body === "" ? `<${verdict.kind} message="${xmlAttr(verdict.message)}"/>` : `<${verdict.kind} message="${xmlAttr(verdict.message)}" type="${xmlAttr(row.outcome)}">${body}</${verdict.kind}>`;
  return `${open}>\n      ${element}\n    </testcase>`;
}

/** What a reader of a CI log needs to act without opening report.html. */
function details(row: ResultRow): string {
  const lines = [
    row.observed.summary,
    `clause: ${row.clause} (${row.level})`,
    `expected: ${row.expected.join(" or ") || "nothing"}; observed: ${row.outcome}`,
  ];
  if (row.observed.checks.length > 0) {
    lines.push("checks:");
    for (const c of row.observed.checks) lines.push(`  ${c.ok ? "ok  " : "FAIL"} ${c.what}: expected ${c.expected}; observed ${c.observed}`);
  }
  if (Object.keys(row.observed.values).length > 0) lines.push(`values: ${JSON.stringify(row.observed.values)}`);
  return lines.join("\n");
}

function tally(rows: readonly ResultRow[]) {
  const t = { tests: rows.length, failures: 0, errors: 0, skipped: 0, ms: 0 };
  for (const row of rows) {
    const kind = junitVerdict(row).kind;
    if (kind === "failure") t.failures += 1;
    else if (kind === "error") t.errors += 1;
    else if (kind === "skipped") t.skipped += 1;
    t.ms += row.durationMs;
  }
  return t;
}

function property(name: string, value: string): string {
  return `      <property name="${xmlAttr(name)}" value="${xmlAttr(value)}"/>`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
