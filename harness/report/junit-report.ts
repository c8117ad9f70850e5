import type { ResultRow } from "../runner/result";
import type { Report } from "./report-json";
import { rerunCommand } from "./rerun-command";
import { defaultOutcome } from "../model/level-outcomes";
import { describeOutcomes, isFlaky, unexpectedOutcomes } from "../model/outcome";
import { bySuite, isUnexpected, oneLine, whoLabel } from "./row-facts";
import { cutSentence, explainRow } from "./row-explanation";
import { xmlAttr, xmlText } from "./xml-escape";
import { transcriptText } from "./transcript-text";

/**
 * junit.xml, for CI dashboards. A CI job fails on <failure> and <error>, so these follow the
 * gate (only UNEXPECTED results fail), and one rule covers everything else:
 *   unexpected timeout/error            -> <error>
 *   any other unexpected outcome        -> <failure> (an unexpected pass is "unexpected pass")
 *   the scenario's own outcome          -> passed (pass; informational for an INFO scenario,
 *                                          with what it recorded in <system-out>)
 *   any other outcome that was expected -> <skipped message="expected <outcome>: why">: a known
 *      (fail, non-strict, timeout, error,   non-pass is visible and explained, never green and
 *      unsupported, skipped)                 never red. `unsupported` is never unexpected.
 * Every non-passed case carries the clause, its sentence, the expectation's reason and the rerun command.
 */
type Verdict = { kind: "passed"; out?: string } | { kind: "failure" | "error" | "skipped"; message: string };

export function junitVerdict(row: ResultRow, report: Pick<Report, "clauses" | "implementations">): Verdict {
  const summary = oneLine(row.observed.summary);
  const why = explainRow(row, report);
  const seen = isFlaky(row) ? `flaky (${describeOutcomes(row)})` : row.outcome;
  if (isUnexpected(row)) {
    const surprises = unexpectedOutcomes(row);
    if (surprises.includes("timeout") || surprises.includes("error")) return { kind: "error", message: `${seen}: ${summary}` };
    const message = surprises.every((o) => o === "pass")
      ? `unexpected ${isFlaky(row) ? seen : "pass"} (expected ${why.expected}: ${oneLine(why.because)})`
      : `unexpected ${seen} (expected ${why.expected}): ${summary}`;
    return { kind: "failure", message };
  }
  if (!isFlaky(row) && row.outcome === defaultOutcome(row.level))
    return row.outcome !== "pass"
      ? { kind: "passed", out: details(row, report) }
      : row.transcript === undefined
        ? { kind: "passed" }
        : { kind: "passed", out: transcriptText(row.transcript) };
  const because = row.expectation?.reason ?? summary;
  return { kind: "skipped", message: `expected ${seen}: ${oneLine(because)}` };
}

export function renderJunit(report: Report): string {
  const suites = [...bySuite(report.results)].map(([suite, rows]) => testsuite(suite, rows, report));
  const total = tally(report.results, report);
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="zmq-ipc-conformance" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}" time="${seconds(total.ms)}">
${suites.join("\n")}
</testsuites>
`;
}

function testsuite(suite: string, rows: ResultRow[], report: Report): string {
  const t = tally(rows, report);
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
  const verdict = junitVerdict(row, report);
  if (verdict.kind === "passed") {
    return verdict.out === undefined ? `${open}/>` : `${open}>\n      <system-out>${xmlText(verdict.out)}</system-out>\n    </testcase>`;
  }
  const body = xmlText(`${details(row, report)}\nrerun: ${rerunCommand(row, report)}`);
  return `${open}>\n      <${verdict.kind} message="${xmlAttr(verdict.message)}" type="${xmlAttr(row.outcome)}">${body}</${verdict.kind}>\n    </testcase>`;
}

/** What a reader of a CI log needs to act without opening report.html. */
function details(row: ResultRow, report: Pick<Report, "clauses" | "implementations">): string {
  const why = explainRow(row, report);
  const lines = [
    row.observed.summary,
    `clause: ${why.clause} (${why.level})${why.where ? `, ${why.where}` : ""}`,
    ...(why.sentence !== undefined ? [`  "${cutSentence(why.sentence, 400)}"`] : []),
    `expected: ${why.expected}; observed: ${row.repeat === undefined ? row.outcome : `${describeOutcomes(row)} (of ${row.repeat.runs} runs)`}`,
    `why expected: ${why.because}${why.source ? ` (${why.source})` : ""}${why.link ? ` ${why.link}` : ""}`,
  ];
  if (row.observed.checks.length > 0) {
    lines.push("checks:");
    for (const c of row.observed.checks) lines.push(`  ${c.ok ? "ok  " : "FAIL"} ${c.what}: expected ${c.expected}; observed ${c.observed}`);
  }
  if (Object.keys(row.observed.values).length > 0) lines.push(`values: ${JSON.stringify(row.observed.values)}`);
  if (row.transcript !== undefined) lines.push(transcriptText(row.transcript));
  return lines.join("\n");
}

function tally(rows: readonly ResultRow[], report: Pick<Report, "clauses" | "implementations">) {
  const t = { tests: rows.length, failures: 0, errors: 0, skipped: 0, ms: 0 };
  for (const row of rows) {
    const kind = junitVerdict(row, report).kind;
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
