import { buildReport, type Report } from "./report-json";
import { diffAsMarkdown, diffAsText, diffReports, diffSummary } from "./report-diff";
import { IMPLEMENTATIONS, row } from "./__tests__/sample-report";
import type { ResultRow } from "../runner/result";

const report = (rows: ResultRow[], implementations = IMPLEMENTATIONS): Report => buildReport(implementations, rows, false);

const failing = (scenario: string, summary = "expected EINVAL, observed success", extra: Partial<ResultRow> = {}) =>
  row({ scenario, outcome: "fail", observed: { summary, checks: [], values: {} }, ...extra });

describe("diffReports sorts every changed cell into one category", () => {
  const older = report([
    row({ scenario: "a.stays-passing" }),
    row({ scenario: "a.regresses" }),
    row({ scenario: "a.flakes-now" }),
    failing("a.gets-fixed"),
    row({ scenario: "a.no-longer-run" }),
    failing("a.fail-to-timeout"),
    row({ scenario: "a.unsupported-then-passing", outcome: "unsupported" }),
    row({ scenario: "a.removed" }),
    row({ scenario: "a.regresses", implementation: "libzmq" }),
    row({ scenario: "a.regresses", platform: "linux-debian12" }),
  ]);
  const newer = report([
    row({ scenario: "a.stays-passing" }),
    failing("a.regresses", "bind: expected EINVAL, observed success"),
    row({ scenario: "a.flakes-now", outcome: "fail", repeat: { runs: 5, outcomes: { pass: 4, fail: 1 } } }),
    row({ scenario: "a.gets-fixed" }),
    row({ scenario: "a.no-longer-run", outcome: "unsupported" }),
    failing("a.fail-to-timeout", "", { outcome: "timeout" }),
    row({ scenario: "a.unsupported-then-passing" }),
    row({ scenario: "a.new" }),
    row({ scenario: "a.regresses", implementation: "libzmq" }),
    row({ scenario: "a.regresses", platform: "linux-debian12" }),
  ]);
  const diff = diffReports(older, newer);
  const of = (change: string) => diff.cells.filter((c) => c.change === change).map((c) => `${c.scenario} [${c.who} on ${c.platform}]`);

  test("a cell that passed and now fails, or flakes, is a regression; the same scenario elsewhere is its own cell", () => {
    expect(of("regression")).toEqual(["a.flakes-now [reference on host]", "a.regresses [reference on host]"]);
  });

  test("a cell that failed and now passes is a fix", () => {
    expect(of("fix")).toEqual(["a.gets-fixed [reference on host]"]);
  });

  test("a cell that passed and is now unsupported is no longer run, not a regression", () => {
    expect(of("no longer run")).toEqual(["a.no-longer-run [reference on host]"]);
  });

  test("other moves are changes; cells in one report only are new or removed; unchanged cells are not listed", () => {
    expect(of("changed")).toEqual(["a.fail-to-timeout [reference on host]", "a.unsupported-then-passing [reference on host]"]);
    expect(of("new")).toEqual(["a.new [reference on host]"]);
    expect(of("removed")).toEqual(["a.removed [reference on host]"]);
    expect(diff.cells.some((c) => c.scenario === "a.stays-passing")).toBe(false);
  });

  test("the summary counts every category, in order", () => {
    expect(diffSummary(diff)).toBe("2 regressions, 1 fix, 1 no longer run, 2 other changes, 1 new cell, 1 removed cell");
  });

  test("a repeated cell shows every outcome its runs had", () => {
    expect(diff.cells.find((c) => c.scenario === "a.flakes-now")).toMatchObject({ before: "pass", after: "pass 4, fail 1" });
  });

  test("text: grouped by implementation and platform, a regression with the newer run's reason", () => {
    const text = diffAsText(diff, "old/report.json", "new/report.json");
    expect(text[0]).toBe(`old/report.json -> new/report.json: ${diffSummary(diff)}`);
    expect(text).toContain("reference on host");
    expect(text).toContain("  regression    a.regresses: pass -> fail");
    expect(text[text.indexOf("  regression    a.regresses: pass -> fail") + 1]).toBe(`${" ".repeat(16)}bind: expected EINVAL, observed success`);
    expect(text).toContain("  removed       a.removed: pass -> (absent)");
  });
});

test("a version that changed between the reports is said", () => {
  const newer = [{ ...IMPLEMENTATIONS[0], version: "0.2.0" }, IMPLEMENTATIONS[1]];
  const diff = diffReports(report([]), report([], newer));
  expect(diff.versions).toEqual(["reference 0.1.0 -> 0.2.0"]);
  expect(diffAsText(diff, "a", "b")).toContain("  version: reference 0.1.0 -> 0.2.0");
});

test("a run against a repeated run of the same outcomes: nothing changed (pass is pass 5; flaky with the same outcomes stays flaky)", () => {
  const single = report([row({ scenario: "a.one" }), failing("a.two")]);
  const repeated = report([
    row({ scenario: "a.one", repeat: { runs: 5, outcomes: { pass: 5 } } }),
    failing("a.two", "expected EINVAL, observed success", { repeat: { runs: 5, outcomes: { fail: 5 } } }),
  ]);
  expect(diffReports(single, repeated).cells).toEqual([]);
  const flaky = (pass: number) => report([row({ scenario: "a.one", outcome: "fail", repeat: { runs: 5, outcomes: { pass, fail: 5 - pass } } })]);
  expect(diffReports(flaky(4), flaky(2)).cells).toEqual([]);
});

test("two identical reports: nothing listed, zero of everything", () => {
  const rows = [row({ scenario: "a.one" }), failing("a.two")];
  const diff = diffReports(report(rows), report(rows));
  expect(diff.cells).toEqual([]);
  expect(diffAsMarkdown(diff, "a", "b").at(-1)).toBe("No cell changed.");
});

test("Markdown: one table row per cell, with what a report's text may carry neutralised", () => {
  const older = report([row({ scenario: "a.one" })]);
  const newer = report([failing("a.one", "observed <script>x</script> | a `pipe`\nsecond line")]);
  const markdown = diffAsMarkdown(diffReports(older, newer), "old/report.json", "new/report.json");
  expect(markdown[0]).toBe("### Conformance: 1 regression, 0 fixes, 0 no longer run, 0 other changes, 0 new cells, 0 removed cells");
  const tableRow = markdown.find((line) => line.startsWith("| **regression**"));
  expect(tableRow).toBe("| **regression** | `a.one` | reference | host | pass | fail | observed &lt;script&gt;x&lt;/script&gt; \\| a \\`pipe\\` |");
});
