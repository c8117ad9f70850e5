import { renderSummary } from "./markdown-summary";
import { multiPlatformReport, row, sampleReport, sampleRows } from "./__tests__/sample-report";

describe("renderSummary", () => {
  test("starts with a one-line verdict", () => {
    expect(renderSummary(sampleReport()).split("\n")[0]).toBe(`## ❌ ZeroMQ ipc:// conformance: 4 unexpected of ${sampleRows().length} results`);
    const clean = sampleReport(sampleRows().filter((r) => r.expected.includes(r.outcome)));
    expect(renderSummary(clean).split("\n")[0]).toBe(`## ✅ ZeroMQ ipc:// conformance: nothing unexpected (${clean.results.length} results)`);
  });

  test("counts outcomes per implementation (or pair) x platform", () => {
    const text = renderSummary(sampleReport());
    expect(text).toContain(
      "| implementation | platform | ✅ pass | ❌ fail | ⚠️ non-strict | ℹ️ informational | 🚫 unsupported | ⏭️ skipped | ⏱️ timeout | 💥 error | unexpected |",
    );
    expect(text).toContain("| libzmq | host | 1 | 1 | 1 |  | 1 |  |  |  | **1** |");
    expect(text).toContain("| reference→libzmq | host |  |  |  |  |  |  | 1 |  | **1** |");
  });

  test("lists each unexpected result with its rerun command, failures before unexpected passes", () => {
    const text = renderSummary(sampleReport());
    const fail = text.indexOf("❌ **fail** (expected pass) `endpoint-syntax.nul-byte-einval` · libzmq · host: bind to ipc://\\<dir\\>/before\\\\0after.sock");
    expect(fail).toBeGreaterThan(0);
    expect(text).toContain(
      [
        "  - clause `api.bind.error.einval` (MUST): *“The endpoint supplied is invalid.”*",
        "  - expected pass: no expectations entry for it, so pass (the default)",
        "  - rerun: `npx zmq-ipc-conformance run --impl libzmq --scenario endpoint-syntax.nul-byte-einval --platform host --out out/rerun/endpoint-syntax.nul-byte-einval`",
      ].join("\n"),
    );
    expect(text).toContain(
      "`npx zmq-ipc-conformance run --impl libzmq,reference --scenario connect-before-bind.queued-messages-delivered-in-order --platform host --out out/rerun/connect-before-bind.queued-messages-delivered-in-order.libzmq-to-reference`",
    );
    expect(text.indexOf("✅ **pass** (expected fail)")).toBeGreaterThan(fail);
    expect(text).toContain("  - expected fail: pretend: queued messages were lost (`fixtures/expectations/libzmq.json:9`)");
    // A stack trace in a summary stays on its one line.
    expect(text).toContain("harness error: ENOENT\n");
  });

  test("lists what was expected not to pass, each with its clause and the expectation's reason and link", () => {
    const text = renderSummary(sampleReport());
    expect(text).toContain("### Expected, not passing (1)");
    expect(text).toContain(
      [
        "- ⚠️ **non-strict** `bind-override.regular-file-survives` · libzmq · host",
        "  - clause `ipc.bind.override` (SHOULD): *“any existing binding to the same endpoint shall be overridden.”*",
        "  - because: libzmq unlinks whatever is at the path before binding (`fixtures/expectations/libzmq.json:4`) [link](https://github.com/zeromq/libzmq/issues/2764)",
      ].join("\n"),
    );
    // Unsupported and skipped rows say what is lacking, not what is broken: not in this list.
    expect(text).not.toMatch(/\*\*unsupported\*\* `path-length/);
  });

  test("a link that is not a web address is never made clickable", () => {
    const text = renderSummary(
      sampleReport([
        row({
          scenario: "bind-override.x",
          outcome: "fail",
          expected: ["fail"],
          expectation: { reason: "r", link: "javascript:alert(1)", source: "f.json:2" },
        }),
      ]),
    );
    expect(text).toContain("`javascript:alert(1)`");
    expect(text).not.toContain("](javascript:");
  });

  test("has a Platforms table with each platform's versions, and says which did not run and why", () => {
    const text = renderSummary(multiPlatformReport());
    const lines = text.split("\n");
    expect(lines[2]).toBe("> ⚠️ **Not run on 1 platform**: `freebsd` (reasons under Platforms)");
    const table = lines.indexOf("### Platforms");
    expect(table).toBeGreaterThan(0);
    expect(lines.slice(table + 2, table + 8)).toEqual([
      "| platform | status | distribution | node | libc | libzmq | user |",
      "|---|---|---|---|---|---|---|",
      "| host | run | Debian GNU/Linux 12 (bookworm) | v20.20.2 (libuv 1.46.0) | glibc 2.36 | 4.3.5 | uid 0 (root) |",
      "| linux-debian12 | run | Debian GNU/Linux 12 (bookworm) | v18.19.0 (libuv 1.44.2) | glibc 2.36 | 4.3.5 | uid 1000 (runner) |",
      "| linux-debian13 | run | Debian GNU/Linux 13 (trixie) | v20.19.2 (libuv 1.50.0) | glibc 2.41 | 4.3.5 | uid 1000 (runner) |",
      "| freebsd | **NOT RUN**: no FreeBSD host reachable: set FREEBSD\\_HOST to a machine with Node 20 and ssh access |  |  |  |  |  |",
    ]);
    // What to act on still follows the counts and the platforms.
    expect(text.indexOf("### Unexpected results")).toBeGreaterThan(text.indexOf("### Platforms"));
    // A single run without a platform list has neither.
    expect(renderSummary(sampleReport())).not.toMatch(/### Platforms|Not run on/);
  });

  test("escapes markup in scenario output", () => {
    const text = renderSummary(sampleReport());
    expect(text).not.toContain("<script>");
    expect(text).toContain("\\<script\\>alert(1)\\</script\\>");
  });

  test("stays under 64 KiB for a big run, saying how many were left out", () => {
    const long = "x".repeat(400);
    const rows = Array.from({ length: 5000 }, (_, i) =>
      row({
        scenario: `wildcard.case-${i}`,
        implementation: `impl-${i % 150}`,
        outcome: i % 3 === 0 ? "non-strict" : "fail",
        expected: i % 3 === 0 ? ["non-strict"] : ["pass"],
        observed: { summary: long, checks: [], values: {} },
      }),
    );
    const text = renderSummary(sampleReport(rows));
    expect(Buffer.byteLength(text)).toBeLessThan(64 * 1024);
    expect(text).toMatch(/- …and \d+ more \(see report.html\)/);
    expect(text).toContain("…and 90 more implementation x platform rows");
    // With a long list of platforms too, every one of them not run with a long reason.
    const platforms = Array.from({ length: 200 }, (_, i) => ({ id: `box-${i}`, os: "linux", status: "not-run" as const, reason: long }));
    const withPlatforms = renderSummary({ ...sampleReport(rows), platforms });
    expect(Buffer.byteLength(withPlatforms)).toBeLessThan(64 * 1024);
    expect(withPlatforms).toContain("…and 180 more platforms (see report.html)");
    expect(withPlatforms).toMatch(/- …and \d+ more \(see report.html\)/);
  });
});
