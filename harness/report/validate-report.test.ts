import { OUTCOMES } from "../model/outcome";
import { LEVELS } from "../model/scenario";
import schema from "./report.schema.json";
import { validateReport } from "./validate-report";
import { multiPlatformReport, sampleReport } from "./__tests__/sample-report";

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe("validateReport", () => {
  test("a report built by buildReport is valid, with and without the optional parts", () => {
    const report = sampleReport();
    expect(validateReport(clone(report))).toEqual([]);
    const full = {
      ...report,
      platforms: [
        { id: "host", os: "linux", kernel: "Linux 6.1", node: "v20.20.2", libc: "glibc 2.36", status: "run" },
        { id: "freebsd", os: "freebsd", status: "not-run", reason: "no runner" },
      ],
      clauses: { "ipc.bind.override": { text: "It shall override.", source: "zmq_ipc(7) 0MQ 3.2.5", level: "MUST", url: "http://api.zeromq.org/3-2:zmq-ipc" } },
      notes: ["merged"],
    };
    expect(validateReport(clone(full))).toEqual([]);
  });

  test("platforms carrying every fact are valid; an unknown platform fact is not", () => {
    const report = clone(multiPlatformReport());
    expect(validateReport(report)).toEqual([]);
    (report.platforms![0] as unknown as Record<string, unknown>).glibc = "2.36";
    expect(validateReport(report)).toEqual(["platforms[0].glibc: is not a field of report.json v3"]);
  });

  test("a row without an outcome is rejected, naming the row", () => {
    const report = clone(sampleReport()) as unknown as { results: Array<Record<string, unknown>> };
    delete report.results[2].outcome;
    expect(validateReport(report)).toEqual(["results[2].outcome: is missing"]);
  });

  test("an unknown outcome is rejected with the allowed ones", () => {
    const report = clone(sampleReport()) as unknown as { results: Array<Record<string, unknown>> };
    report.results[0].outcome = "passed";
    expect(validateReport(report)).toEqual([`results[0].outcome: must be one of ${OUTCOMES.join(", ")} (got "passed")`]);
  });

  test("another schemaVersion is rejected", () => {
    expect(validateReport({ ...clone(sampleReport()), schemaVersion: 4 })).toEqual(["schemaVersion: must be 3 (got 4)"]);
  });

  test("a row naming neither an implementation nor a pair says so once", () => {
    const report = clone(sampleReport()) as unknown as { results: Array<Record<string, unknown>> };
    delete report.results[1].implementation;
    report.results[3].binder = "libzmq";
    expect(validateReport(report)).toEqual([
      "results[1]: a row names either implementation, or binder and connecter",
      "results[3]: a row names implementation or binder and connecter, not both",
      "results[3]: has binder but not connecter",
    ]);
  });

  test("unknown fields and wrong types name their path", () => {
    const report = clone(sampleReport()) as unknown as Record<string, unknown> & { results: Array<{ observed: Record<string, unknown> }> };
    report.extra = true;
    report.results[4].observed.checks = "none";
    expect(validateReport(report)).toEqual(["extra: is not a field of report.json v3", "results[4].observed.checks: must be array (got string)"]);
    expect(validateReport("report")).toEqual(["report: must be object (got string)"]);
  });

  test("the schema's outcomes are the model's", () => {
    expect(schema.$defs.outcome.enum).toEqual([...OUTCOMES]);
  });

  test("the schema's levels are the model's", () => {
    expect(schema.$defs.level.enum).toEqual([...LEVELS]);
  });
});
