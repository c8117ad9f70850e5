import type { Report } from "./report-json";
import { rerunCommand, rerunDirectory, shellWord } from "./rerun-command";
import { row } from "./__tests__/sample-report";

const report = (overrides: Partial<Report> = {}): Pick<Report, "implementations" | "platforms" | "invocation"> => ({
  implementations: [
    { id: "reference", name: "reference", version: "0.1.0", start: { kind: "in-process" } },
    { id: "libzmq", name: "libzmq", version: "4.3.5", start: { kind: "in-process" } },
    { id: "mylib", name: "mylib", version: "1.0", start: { kind: "driver", command: "node conformance/driver.js" }, expectations: "conformance/mylib.json" },
    { id: "pyzmq", name: "pyzmq", version: "24", start: { kind: "shipped-driver", command: "/usr/bin/python3 drivers/pyzmq/driver.py" } },
  ],
  invocation: { out: "conformance-report" },
  ...overrides,
});

describe("rerunCommand", () => {
  test("an in-process or shipped implementation by --impl, into a directory of its own under the run's --out", () => {
    expect(rerunCommand(row({ scenario: "bind-override.a" }), report())).toBe(
      "npx zmq-ipc-conformance run --impl reference --scenario bind-override.a --platform host --out conformance-report/rerun/bind-override.a",
    );
    expect(rerunCommand(row({ scenario: "bind-override.a", implementation: "pyzmq" }), report())).toMatch(/ run --impl pyzmq --scenario /);
  });

  test("a --driver implementation with its command as typed, and the --expect file it was judged by", () => {
    expect(rerunCommand(row({ scenario: "path-length.x", implementation: "mylib" }), report())).toBe(
      "npx zmq-ipc-conformance run --driver mylib='node conformance/driver.js' --expect conformance/mylib.json --scenario path-length.x --platform host --out conformance-report/rerun/path-length.x",
    );
  });

  test("a pair names both, each the way it was started", () => {
    expect(rerunCommand(row({ scenario: "interop.b", binder: "libzmq", connecter: "mylib" }), report())).toBe(
      "npx zmq-ipc-conformance run --impl libzmq --driver mylib='node conformance/driver.js' --expect conformance/mylib.json --scenario interop.b --platform host --out conformance-report/rerun/interop.b.libzmq-to-mylib",
    );
    expect(rerunCommand(row({ scenario: "interop.b", binder: "reference", connecter: "reference" }), report())).toMatch(/ --impl reference --scenario /);
  });

  test("the timeout multiplier of a slow machine, and the platform a merge renamed", () => {
    const platforms = [{ id: "host-darwin-arm64", os: "darwin", status: "run" as const, runAs: "host" }];
    const command = rerunCommand(
      row({ scenario: "bind-override.a", platform: "host-darwin-arm64" }),
      report({ platforms, invocation: { out: "out/", timeoutMultiplier: 3 } }),
    );
    expect(command).toMatch(/--platform host --timeout-multiplier 3 --out out\/rerun\/bind-override\.a\.host-darwin-arm64$/);
  });

  test("a report that does not say how an implementation started (schemaVersion 1) names it by --impl, into out/rerun", () => {
    expect(rerunCommand(row({ scenario: "bind-override.a", implementation: "other" }), { implementations: [] })).toBe(
      "npx zmq-ipc-conformance run --impl other --scenario bind-override.a --platform host --out out/rerun/bind-override.a",
    );
  });

  test("the rerun directory is never the run's own", () => {
    for (const out of ["out", ".", "/", "a/b/"]) expect(rerunDirectory(row({ scenario: "s.x" }), out)).toMatch(/\/rerun\/s\.x$/);
    expect(rerunDirectory(row({ scenario: "s.x" }), "/")).toBe("/rerun/s.x");
  });

  test("quotes only words the shell would split or expand", () => {
    expect(shellWord("wildcard.*")).toBe("'wildcard.*'");
    expect(shellWord("it's $HOME")).toBe(`'it'\\''s $HOME'`);
    expect(shellWord("libzmq,reference")).toBe("libzmq,reference");
  });
});
