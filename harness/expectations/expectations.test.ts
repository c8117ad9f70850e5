import { scenario } from "../model/scenario";
import { ALL_SCENARIOS } from "../../suites";
import { checkAgainstCatalogue, expectedFor, ExpectationFileError, parseExpectations, shippedExpectations, type ExpectationSet } from "./expectations";

const s = (id: string, level: "MUST" | "INFO" = "MUST") => scenario({ id, clause: "ipc.bind.override", level, title: id, run: async () => undefined });

const file = (entries: unknown[]) => JSON.stringify({ implementation: "mylib", expectations: entries }, null, 2);

function errorOf(text: string): ExpectationFileError {
  try {
    parseExpectations(text, "mylib.json");
  } catch (err) {
    return err as ExpectationFileError;
  }
  throw new Error("no error");
}

describe("expectation files", () => {
  test("a valid file parses, with one or several outcomes per entry", () => {
    const set = parseExpectations(
      file([
        { scenario: "bind-override.a", outcome: "fail", reason: "known" },
        { scenario: "bind-override.*", outcome: ["non-strict", "timeout"], reason: "flaky here", intermittent: true, platforms: ["linux"] },
      ]),
      "mylib.json",
    );
    expect(set.implementation).toBe("mylib");
    expect(set.entries.map((e) => e.outcomes)).toEqual([["fail"], ["non-strict", "timeout"]]);
    expect(set.entries[1].line).toBe(9);
  });

  test("malformed JSON is reported with its line", () => {
    const err = errorOf('{\n  "implementation": "mylib",\n  "expectations": [\n    { "scenario": "x" oops }\n  ]\n}');
    expect(err).toBeInstanceOf(ExpectationFileError);
    expect(err.line).toBe(4);
    expect(err.message).toMatch(/^mylib\.json:4: not valid JSON/);
  });

  test("an unknown outcome names the line, the field and the allowed values", () => {
    const err = errorOf(
      file([
        { scenario: "bind-override.a", outcome: "pass", reason: "r" },
        { scenario: "bind-override.b", outcome: "broken", reason: "r" },
      ]),
    );
    expect(err.message).toContain("/expectations/1/outcome");
    expect(err.line).toBe(11); // the line of the offending "outcome" field itself
  });

  test("a missing reason and an unknown field are both named", () => {
    const err = errorOf(file([{ scenario: "bind-override.a", outcome: "fail", because: "x" }]));
    expect(err.message).toContain("reason");
    expect(err.message).toContain('"because"');
  });

  test("a UTF-8 byte order mark (as Windows editors write) is accepted, and lines still count from the file's first", () => {
    const set = parseExpectations(`\uFEFF${file([{ scenario: "bind-override.a", outcome: "fail", reason: "known" }])}`, "mylib.json");
    expect(set.entries.map((e) => [e.scenario, e.line])).toEqual([["bind-override.a", 4]]);
  });

  test("an outcome the scenario's level can never have is an error naming its line and what it can be", () => {
    const compat = scenario({ id: "path-length.x", clause: "c", level: "COMPAT", title: "t", run: async () => undefined });
    const set = parseExpectations(file([{ scenario: "path-length.x", outcome: "fail", reason: "r" }]), "mylib.json");
    expect(() => checkAgainstCatalogue(set, [compat])).toThrow(
      'mylib.json:4: "path-length.x" is a COMPAT scenario: its outcome can be pass, non-strict, unsupported, skipped, timeout, error, never fail',
    );
    // A glob passes when one scenario it matches can have the outcome; a list, when one of its outcomes can be had.
    const mixed = parseExpectations(
      file([
        { scenario: "*", outcome: "fail", reason: "r" },
        { scenario: "path-length.x", outcome: ["fail", "non-strict"], reason: "r" },
      ]),
      "mylib.json",
    );
    expect(() => checkAgainstCatalogue(mixed, [compat, s("bind-override.a")])).not.toThrow();
    const info = parseExpectations(file([{ scenario: "bind-override.i", outcome: "pass", reason: "r" }]), "mylib.json");
    expect(() => checkAgainstCatalogue(info, [s("bind-override.i", "INFO")])).toThrow(/is an INFO scenario: .* never pass/);
  });

  test("every shipped expectations file fits the catalogue", () => {
    for (const id of ["reference", "libzmq", "pyzmq", "jeromq"]) {
      const set = shippedExpectations(id);
      expect(set.implementation).toBe(id);
      expect(() => checkAgainstCatalogue(set, ALL_SCENARIOS)).not.toThrow();
    }
  });

  test("an entry that matches no scenario is an error naming its line", () => {
    const set = parseExpectations(file([{ scenario: "bind-overide.typo", outcome: "fail", reason: "r" }]), "mylib.json");
    expect(() => checkAgainstCatalogue(set, [s("bind-override.a")])).toThrow(/mylib\.json:4: "bind-overide\.typo" matches no scenario/);
  });
});

describe("expectedFor", () => {
  const sets = new Map<string, ExpectationSet>([
    [
      "mylib",
      parseExpectations(
        file([
          { scenario: "bind-override.*", outcome: "non-strict", reason: "glob" },
          { scenario: "bind-override.exact", outcome: "fail", reason: "exact wins over an earlier glob" },
          { scenario: "bind-override.bsd-only", outcome: "skipped", reason: "r", platforms: ["freebsd"] },
          { scenario: "bind-override.flaky", outcome: "timeout", reason: "r", intermittent: true },
          { scenario: "bind-override.as-binder", outcome: "fail", reason: "r", role: "binder" },
        ]),
        "mylib.json",
      ),
    ],
  ]);
  const row = (id: string, extra: object = { implementation: "mylib" }, level: "MUST" | "INFO" = "MUST") => ({
    scenario: s(id, level),
    platformId: "host",
    platformName: "linux",
    ...extra,
  });

  test("unlisted scenarios are expected to pass, INFO ones to be informational", () => {
    expect(expectedFor(row("endpoint-syntax.x", { implementation: "other" }), sets).outcomes).toEqual(["pass"]);
    expect(expectedFor(row("endpoint-syntax.x", { implementation: "other" }, "INFO"), sets).outcomes).toEqual(["informational"]);
  });

  test("an exact id beats a glob; globs apply otherwise", () => {
    expect(expectedFor(row("bind-override.exact"), sets).outcomes).toEqual(["fail"]);
    expect(expectedFor(row("bind-override.other"), sets).outcomes).toEqual(["non-strict"]);
  });

  test("platform conditions and intermittent marks", () => {
    expect(expectedFor(row("bind-override.bsd-only"), sets).outcomes).toEqual(["non-strict"]);
    expect(expectedFor({ ...row("bind-override.bsd-only"), platformName: "freebsd" }, sets).outcomes).toEqual(["skipped"]);
    const flaky = expectedFor(row("bind-override.flaky"), sets);
    expect(flaky.intermittent).toBe(true);
    expect(flaky.outcomes).toEqual(["timeout", "pass"]);
  });

  test("interop rows: a binder-only entry does not apply when the implementation connects", () => {
    expect(expectedFor(row("bind-override.as-binder", { binder: "mylib", connecter: "other" }), sets).outcomes).toEqual(["fail"]);
    expect(expectedFor(row("bind-override.as-binder", { binder: "other", connecter: "mylib" }), sets).outcomes).toEqual(["non-strict"]);
  });
});
