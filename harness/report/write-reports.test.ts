import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { clauseById } from "../../fixtures/spec";
import { validateReport } from "./validate-report";
import { writeReports } from "./write-reports";
import { sampleReport } from "./__tests__/sample-report";

describe("writeReports", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "write-reports-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("writes the four reports, no temporary files left, and returns their paths", () => {
    const out = path.join(dir, "nested", "out");
    const files = writeReports(out, sampleReport());
    expect(files).toEqual({
      json: path.join(out, "report.json"),
      html: path.join(out, "report.html"),
      junit: path.join(out, "junit.xml"),
      markdown: path.join(out, "summary.md"),
    });
    expect(fs.readdirSync(out).sort()).toEqual(["junit.xml", "report.html", "report.json", "summary.md"]);
    expect(fs.readFileSync(files.html, "utf8")).toContain("<!doctype html>");
    expect(fs.readFileSync(files.junit, "utf8")).toContain("<testsuites");
    expect(fs.readFileSync(files.markdown, "utf8")).toMatch(/^## ❌/);
  });

  test("embeds the cited clauses into report.json, which stays valid", () => {
    const files = writeReports(dir, sampleReport());
    const written = JSON.parse(fs.readFileSync(files.json, "utf8"));
    expect(validateReport(written)).toEqual([]);
    expect(Object.keys(written.clauses).sort()).toEqual([
      "api.bind.error.einval",
      "compat.libzmq.wildcard-cleanup",
      "ipc.bind.override",
      "zmtp.greeting.full-immediately",
    ]);
    expect(written.clauses["ipc.bind.override"]).toMatchObject({ text: clauseById("ipc.bind.override")!.text, level: clauseById("ipc.bind.override")!.level });
  });

  test("keeps clauses a report already quotes", () => {
    const report = { ...sampleReport(), clauses: { "ipc.bind.override": { text: "older wording", source: "zmq_ipc(7) 0MQ 3.2.5", level: "MUST" as const } } };
    const written = JSON.parse(fs.readFileSync(writeReports(dir, report).json, "utf8"));
    expect(written.clauses["ipc.bind.override"].text).toBe("older wording");
    expect(written.clauses["api.bind.error.einval"]).toBeDefined();
  });
});
