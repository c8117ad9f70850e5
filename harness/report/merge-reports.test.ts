import type { Report } from "./report-json";
import { mergeReports } from "./merge-reports";
import { validateReport } from "./validate-report";
import { IMPLEMENTATIONS, multiPlatformReport, row, samplePlatforms, sampleReport, sampleRows } from "./__tests__/sample-report";

function on(os: string, arch: string, report: Report, generatedAt = "2026-01-01T00:00:00.000Z"): Report {
  return { ...report, generatedAt, environment: { platform: os, kernel: `${os} kernel`, arch, node: "v20.20.2", partial: false } };
}

describe("mergeReports", () => {
  test("two platforms' reports become one matrix with both, and stay a valid report", () => {
    const linux = on("linux", "x64", sampleReport());
    const darwin = on("darwin", "arm64", sampleReport(sampleRows().slice(0, 4)), "2026-01-02T00:00:00.000Z");
    const merged = mergeReports([linux, darwin]);

    expect(merged.results).toHaveLength(sampleRows().length + 4);
    expect(new Set(merged.results.map((r) => r.platform))).toEqual(new Set(["host-linux-x64", "host-darwin-arm64"]));
    expect(merged.platforms).toEqual([
      { id: "host-linux-x64", os: "linux", arch: "x64", kernel: "linux kernel", node: "v20.20.2", status: "run", runAs: "host" },
      { id: "host-darwin-arm64", os: "darwin", arch: "arm64", kernel: "darwin kernel", node: "v20.20.2", status: "run", runAs: "host" },
    ]);
    expect(merged.environment).toEqual({
      platform: "linux, darwin",
      kernel: "linux kernel, darwin kernel",
      arch: "x64, arm64",
      node: "v20.20.2",
      partial: false,
    });
    expect(merged.generatedAt).toBe("2026-01-02T00:00:00.000Z");
    expect(merged.notes).toEqual([expect.stringContaining('platform "host" came from different machines')]);
    expect(validateReport(JSON.parse(JSON.stringify(merged)))).toEqual([]);
    // The inputs are not touched.
    expect(linux.results[0].platform).toBe("host");
  });

  test("distinct platform ids are kept as they are", () => {
    const linux = on("linux", "x64", sampleReport(sampleRows().map((r) => ({ ...r, platform: "linux" }))));
    const bsd = on("freebsd", "x64", sampleReport(sampleRows().map((r) => ({ ...r, platform: "freebsd" }))));
    const merged = mergeReports([linux, bsd]);
    expect(merged.platforms!.map((p) => p.id)).toEqual(["linux", "freebsd"]);
    expect(merged.notes).toBeUndefined();
  });

  test("shards of one run give the union; an overlapping cell keeps the later shard's row", () => {
    const rows = sampleRows();
    const first = on("linux", "x64", sampleReport(rows.slice(0, 6)));
    const rerun = { ...rows[5], outcome: "pass" as const, observed: { summary: "rerun", checks: [], values: {} } };
    const shard = on("linux", "x64", sampleReport([rerun, ...rows.slice(6)]));
    const second = { ...shard, environment: { ...shard.environment, partial: true } };
    const merged = mergeReports([first, second]);

    expect(merged.results).toHaveLength(rows.length);
    expect(merged.results[5].observed.summary).toBe("rerun");
    expect(merged.environment.partial).toBe(true);
    expect(merged.platforms).toEqual([{ id: "host", os: "linux", arch: "x64", kernel: "linux kernel", node: "v20.20.2", status: "run" }]);
    expect(merged.notes).toEqual(["report 2: 1 row(s) replaced an earlier report's rows for the same cell"]);
  });

  test("an implementation keeps its first version and the other is noted", () => {
    const older = {
      ...sampleReport([row({ scenario: "bind-override.a", implementation: "libzmq" })]),
      implementations: [{ ...IMPLEMENTATIONS[1], version: "4.3.4" }],
    };
    const merged = mergeReports([sampleReport(), older]);
    expect(merged.implementations).toEqual(IMPLEMENTATIONS);
    expect(merged.notes).toEqual(['implementation "libzmq": report 2 ran version 4.3.4, the report keeps 4.3.5 (report 1)']);
  });

  test("not-run platforms are carried, and a run elsewhere wins over not-run", () => {
    const planned = {
      ...sampleReport([]),
      platforms: [
        { id: "host", os: "linux", status: "not-run" as const, reason: "runner lost" },
        { id: "freebsd", os: "freebsd", status: "not-run" as const, reason: "no runner" },
      ],
    };
    const merged = mergeReports([planned, on("linux", "x64", sampleReport())]);
    expect(merged.platforms).toEqual([
      { id: "host", os: "linux", arch: "x64", kernel: "linux kernel", node: "v20.20.2", status: "run" },
      { id: "freebsd", os: "freebsd", status: "not-run", reason: "no runner" },
    ]);
  });

  test("keeps every platform fact (libuv, distro, libzmq, user) through a merge", () => {
    const [host, debian12, debian13, freebsd] = samplePlatforms();
    const onOne = (platform: typeof host) => ({ ...sampleReport(sampleRows().map((r) => ({ ...r, platform: platform.id }))), platforms: [platform] });
    const merged = mergeReports([onOne(host), onOne(debian12), onOne(debian13), { ...sampleReport([]), platforms: [freebsd] }]);
    expect(merged.platforms).toEqual(samplePlatforms());
    expect(merged.notes).toBeUndefined();
    expect(validateReport(JSON.parse(JSON.stringify(merged)))).toEqual([]);
    // Merging the merged report with itself changes nothing about its platforms.
    expect(mergeReports([merged, multiPlatformReport()]).platforms).toEqual(samplePlatforms());
  });

  test("nothing to merge, or another schema version, is refused", () => {
    expect(() => mergeReports([])).toThrow("no reports");
    expect(() => mergeReports([{ ...sampleReport(), schemaVersion: 4 }])).toThrow("schemaVersion 4");
  });
});
