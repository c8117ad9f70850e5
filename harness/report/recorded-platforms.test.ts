/**
 * Recorded platforms: a run kept in fixtures/recorded/ (a FreeBSD guest CI cannot boot) is
 * checked against the current schema and catalogue, shown beside a live run with its date in
 * every report, and never judged by the live run's gate.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ALL_SCENARIOS } from "../../suites/index";
import { gateVerdict } from "./gate-verdict";
import { renderHtml } from "./html-report";
import { renderSummary } from "./markdown-summary";
import { mergeReports } from "./merge-reports";
import { loadRecordedPlatforms, RecordedReportError, recordedDirectory } from "./recorded-platforms";
import { buildReport, type Report } from "./report-json";
import { validateReport } from "./validate-report";
import { IMPLEMENTATIONS, row, sampleRows } from "./__tests__/sample-report";

const CATALOGUE = new Set(ALL_SCENARIOS.map((s) => s.id));

function recording(): Report {
  const rows = [
    row({ scenario: "bind-override.second-bind-takes-new-connections", implementation: "libzmq-c", platform: "freebsd-test" }),
    // Unexpected when it was recorded: shown as it was, not judged now.
    row({ scenario: "path-length.at-limit-binds", implementation: "libzmq-c", platform: "freebsd-test", outcome: "fail", expected: ["pass"] }),
    row({ scenario: "path-length.a-scenario-since-removed", implementation: "libzmq-c", platform: "freebsd-test" }),
  ];
  const report = buildReport([{ id: "libzmq-c", name: "libzmq (C API)", version: "4.3.6 (libzmq-c driver 1.0.0, jansson 2.14)" }], rows, false);
  return {
    ...report,
    generatedAt: "2026-12-05T10:00:00.000Z",
    platforms: [{ id: "freebsd-test", os: "freebsd", kernel: "FreeBSD 13.2-RELEASE", status: "run", provenance: "built from a source snapshot, qemu TCG" }],
  };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zic-recorded-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): void {
  fs.mkdirSync(path.join(dir, name));
  fs.writeFileSync(path.join(dir, name, "report.json"), typeof content === "string" ? content : JSON.stringify(content));
}

test("a recording is marked recorded with its date and file, its removed scenarios left out and its missing ones named", () => {
  write("freebsd-test", recording());
  const { reports, notes } = loadRecordedPlatforms(CATALOGUE, dir);
  expect(reports).toHaveLength(1);
  expect(reports[0].platforms).toEqual([
    expect.objectContaining({
      id: "freebsd-test",
      status: "recorded",
      recorded: { at: "2026-12-05T10:00:00.000Z", source: "fixtures/recorded/freebsd-test/report.json" },
    }),
  ]);
  expect(reports[0].results.map((r) => r.scenario)).toEqual(["bind-override.second-bind-takes-new-connections", "path-length.at-limit-binds"]);
  expect(notes).toEqual([
    "recorded freebsd-test: 1 row(s) of scenarios no longer in the catalogue left out",
    `recorded freebsd-test (2026-12-05): ${CATALOGUE.size - 2} scenario(s) not recorded there (added since, or not run then)`,
  ]);
  const failed = reports[0].results[1];
  expect(failed.expected).toEqual(["pass", "fail"]);
  expect(failed.expectation?.reason).toBe("recorded 2026-12-05: fail was unexpected then (expected pass); shown, not judged by this run");
});

test("beside a live run: valid, shown with its date in the HTML and summary.md, and never the gate's concern", () => {
  write("freebsd-test", recording());
  const live = { ...buildReport(IMPLEMENTATIONS, sampleRows(), false), platforms: [{ id: "host", os: "linux", status: "run" as const }] };
  const merged = mergeReports([live, ...loadRecordedPlatforms(CATALOGUE, dir).reports]);
  expect(validateReport(merged)).toEqual([]);
  expect(gateVerdict(merged).exitCode).toBe(gateVerdict(live).exitCode);
  const page = renderHtml(merged);
  expect(page).toContain('<span class="tag recorded">recorded 2026-12-05</span>');
  expect(page).toContain("freebsd-test (recorded 2026-12-05)");
  expect(renderSummary(merged)).toContain("| freebsd-test | recorded 2026-12-05 (fixtures/recorded/freebsd-test/report.json), not run now |");
});

test("a recording that no longer matches the schema, or that is not a run, is refused naming its file", () => {
  write("broken", { ...recording(), schemaVersion: 1 });
  expect(() => loadRecordedPlatforms(CATALOGUE, dir)).toThrow(RecordedReportError);
  expect(() => loadRecordedPlatforms(CATALOGUE, dir)).toThrow(/^fixtures\/recorded\/broken\/report\.json: does not match the current report schema/);
  fs.rmSync(path.join(dir, "broken"), { recursive: true });
  write("not-run", { ...recording(), platforms: [{ id: "freebsd-test", os: "freebsd", status: "not-run", reason: "no image" }] });
  expect(() => loadRecordedPlatforms(CATALOGUE, dir)).toThrow(/holds platforms that ran \(status "run"\), got freebsd-test: not-run/);
  fs.rmSync(path.join(dir, "not-run"), { recursive: true });
  write("garbage", "{ not json");
  expect(() => loadRecordedPlatforms(CATALOGUE, dir)).toThrow(/^fixtures\/recorded\/garbage\/report\.json: not JSON/);
});

test("the project's own recordings load against this catalogue and schema", () => {
  // CI's check that a committed recording still validates: a schema change or a renamed
  // scenario shows here, naming the file.
  const { reports } = loadRecordedPlatforms(CATALOGUE, recordedDirectory());
  for (const report of reports) expect(report.platforms?.every((p) => p.status === "recorded")).toBe(true);
  // The FreeBSD guest's run: what built it, and cells that ran there (not only skips).
  const freebsd = reports.flatMap((report) => report.platforms ?? []).find((p) => p.id === "freebsd-qemu");
  expect(freebsd).toMatchObject({ os: "freebsd", kernel: "FreeBSD 13.2-RELEASE", recorded: { source: "fixtures/recorded/freebsd-13.2/report.json" } });
  expect(freebsd?.provenance).toMatch(/^FreeBSD 13\.2-RELEASE built from source \(.+ commit [0-9a-f]{40}/);
  const rows = reports.flatMap((report) => report.results).filter((row) => row.platform === "freebsd-qemu");
  expect(rows.filter((row) => row.outcome === "pass").length).toBeGreaterThan(rows.length / 2);
});
