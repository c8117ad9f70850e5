/**
 * The scenario catalogue is consistent with the spec as data: stable unique IDs, every cited
 * clause exists, and every requirement clause (MUST, SHOULD, COMPAT) has at least one scenario.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CLAUSES, clauseById } from "../fixtures/spec";
import { scenario, SUITES, type Scenario } from "../harness/model/scenario";
import { ALL_SCENARIOS } from "./index";

test("scenario IDs are unique names of the form <suite>.<kebab-case>", () => {
  const ids = ALL_SCENARIOS.map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const s of ALL_SCENARIOS) {
    expect(s.id).toMatch(new RegExp(`^${s.suite}\\.[a-z0-9]+(-[a-z0-9]+)*$`));
    expect(SUITES).toContain(s.suite);
  }
});

describe("one identity per scenario: the id names its suite's folder and its file", () => {
  const sourcesOf = (suite: string) =>
    fs
      .readdirSync(path.join(__dirname, suite))
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
      .map((file) => ({ file: `${suite}/${file}`, exported: (require(path.join(__dirname, suite, file)) as { default?: Scenario | Scenario[] }).default }));

  test("a file that exports one scenario is named after the id's last part, in the folder of the id's suite", () => {
    const misnamed = SUITES.flatMap((suite) =>
      sourcesOf(suite)
        .filter(({ exported }) => exported !== undefined && !Array.isArray(exported))
        .map(({ file, exported }) => ({ file, id: (exported as Scenario).id }))
        .filter(({ file, id }) => `${id.replace(".", "/")}.ts` !== file),
    );
    expect(misnamed).toEqual([]);
  });

  test("a table-driven family (a file exporting an array) holds only scenarios of its folder's suite", () => {
    const strays = SUITES.flatMap((suite) =>
      sourcesOf(suite)
        .filter(({ exported }) => Array.isArray(exported))
        .flatMap(({ file, exported }) => (exported as Scenario[]).filter((s) => s.suite !== suite).map((s) => `${file}: ${s.id}`)),
    );
    expect(strays).toEqual([]);
  });

  test("every id written out in a suite's files is in the catalogue (a scenario without its default export is not lost)", () => {
    const known = new Set(ALL_SCENARIOS.map((s) => s.id));
    const written = SUITES.flatMap((suite) =>
      fs
        .readdirSync(path.join(__dirname, suite))
        .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
        .flatMap((file) =>
          [...fs.readFileSync(path.join(__dirname, suite, file), "utf8").matchAll(/\bid: "([a-z0-9.-]+)"/g)].map((m) => ({
            file: `${suite}/${file}`,
            id: m[1],
          })),
        ),
    );
    expect(written.length).toBeGreaterThan(200);
    expect(written.filter(({ id }) => !known.has(id))).toEqual([]);
  });

  test("a scenario's suite is its id's first part; an id outside every suite is refused when it is defined", () => {
    for (const s of ALL_SCENARIOS) expect(s.id.startsWith(`${s.suite}.`)).toBe(true);
    expect(() => scenario({ id: "no-such-suite.x", clause: "c", level: "MUST", title: "t", run: async () => undefined })).toThrow(
      /scenario id "no-such-suite.x" does not start with a suite \(bind-override, .*\) and a dot/,
    );
  });
});

test("every scenario cites a clause that exists", () => {
  const missing = ALL_SCENARIOS.flatMap((s) =>
    [s.clause, ...(s.alsoChecks ?? [])].filter((id) => clauseById(id) === undefined).map((id) => `${s.id} -> ${id}`),
  );
  expect(missing).toEqual([]);
});

test("every requirement clause has a scenario", () => {
  const covered = new Set(ALL_SCENARIOS.flatMap((s) => [s.clause, ...(s.alsoChecks ?? [])]));
  const uncovered = CLAUSES.filter((c) => c.requirement && !covered.has(c.id)).map((c) => `${c.id} (${c.level}): ${c.text}`);
  expect(uncovered).toEqual([]);
});

test("every suite has scenarios, and there are at least 80", () => {
  for (const suite of SUITES) expect(ALL_SCENARIOS.filter((s) => s.suite === suite).length).toBeGreaterThan(0);
  expect(ALL_SCENARIOS.length).toBeGreaterThanOrEqual(80);
});

test("every scenario that binds ipc://* points the temporary directory into its own directory first", () => {
  // Otherwise the generated path lands in the machine's temporary directory: left behind by a
  // faulty implementation on the host, and refused outright where that directory is read-only
  // (the container platforms' non-root user).
  const files = fs
    .readdirSync(__dirname, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .map((file) => path.join(__dirname, file));
  const wildcardBinders = files.filter((file) => /bind\("ipc:\/\/\*"\)|bindWildcard\(/.test(fs.readFileSync(file, "utf8")) && !file.endsWith("support.ts"));
  expect(wildcardBinders.length).toBeGreaterThan(5);
  const unguarded = wildcardBinders.filter((file) => {
    const source = fs.readFileSync(file, "utf8");
    return !/setTempVariables\(|setEnv\(/.test(source) || !/exclusive: true/.test(source);
  });
  expect(unguarded.map((file) => path.relative(__dirname, file))).toEqual([]);
});
