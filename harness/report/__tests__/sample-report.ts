import { buildReport, type PlatformEntry, type Report } from "../report-json";
import type { ResultRow } from "../../runner/result";

/** Hand-made rows shaped like a real run's: one per outcome a renderer treats differently. */
export function row(overrides: Partial<ResultRow> & Pick<ResultRow, "scenario">): ResultRow {
  const suite = overrides.suite ?? (overrides.scenario.split(".")[0] as ResultRow["suite"]);
  const base: ResultRow = {
    scenario: overrides.scenario,
    suite,
    clause: "ipc.bind.override",
    level: "MUST",
    title: `title of ${overrides.scenario}`,
    platform: "host",
    outcome: "pass",
    expected: ["pass"],
    observed: { summary: "every check held", checks: [{ what: "bind", expected: "success", observed: "success", ok: true }], values: {} },
    durationMs: 3,
  };
  const merged = { ...base, ...overrides };
  if (merged.binder === undefined && merged.implementation === undefined) merged.implementation = "reference";
  return merged;
}

export const IMPLEMENTATIONS = [
  { id: "reference", name: "zmq-ipc-conformance reference (TypeScript)", version: "0.1.0" },
  { id: "libzmq", name: "libzmq via zeromq.js 6.8.0", version: "4.3.5" },
];

export function sampleRows(): ResultRow[] {
  return [
    row({ scenario: "bind-override.second-bind-takes-new-connections" }),
    row({ scenario: "bind-override.second-bind-takes-new-connections", implementation: "libzmq" }),
    row({
      scenario: "bind-override.regular-file-survives",
      implementation: "libzmq",
      clause: "ipc.bind.override",
      level: "SHOULD",
      outcome: "non-strict",
      expected: ["non-strict"],
      expectation: {
        reason: "libzmq unlinks whatever is at the path before binding",
        link: "https://github.com/zeromq/libzmq/issues/2764",
        source: "fixtures/expectations/libzmq.json:4",
      },
      observed: {
        summary: "the regular file after a bind on its path: expected file intact, observed socket, data gone",
        checks: [{ what: "the regular file after a bind on its path", expected: "file intact", observed: "socket, data gone", ok: false }],
        values: { bind: "succeeded" },
      },
    }),
    row({
      scenario: "endpoint-syntax.nul-byte-einval",
      implementation: "libzmq",
      clause: "api.bind.error.einval",
      outcome: "fail",
      expected: ["pass"],
      observed: {
        summary: "bind to ipc://<dir>/before\\0after.sock: expected error EINVAL, observed success <script>alert(1)</script>",
        checks: [{ what: "bind to a path with a NUL & friends", expected: "error EINVAL", observed: "success", ok: false }],
        values: { endpoint: "ipc:///tmp/x/before\u0000after.sock" },
      },
    }),
    row({
      scenario: "wildcard.unbind-removes-file-and-directory",
      clause: "compat.libzmq.wildcard-cleanup",
      level: "COMPAT",
      outcome: "error",
      expected: ["pass"],
      observed: { summary: "harness error: ENOENT\n    at walk (support.js:120)", checks: [], values: {} },
    }),
    row({
      scenario: "path-length.abstract-namespace",
      level: "MUST",
      outcome: "skipped",
      expected: ["pass", "skipped"],
      observed: { summary: "no abstract namespace on darwin", checks: [], values: {} },
    }),
    row({
      scenario: "path-length.abstract-namespace",
      implementation: "libzmq",
      outcome: "unsupported",
      expected: ["unsupported"],
      observed: { summary: "capability abstract-namespace not declared", checks: [], values: {} },
    }),
    row({
      scenario: "zmtp-wire.greeting-stages",
      level: "INFO",
      clause: "zmtp.greeting.full-immediately",
      outcome: "informational",
      expected: ["informational"],
      observed: {
        summary: "recorded",
        checks: [],
        values: { greeting: "ff 00 00 00", trace: "-> ff 00 00 00 00 00 00 00 01 7f\n<- ff 00 00 00 00 00 00 00 01 7f" },
      },
      transcript: {
        recorded: "run",
        connections: [
          {
            id: 1,
            via: "raw-peer",
            left: "staged raw peer",
            right: "reference",
            events: [
              { ms: 1.5, from: "left", kind: "connect", text: "connected" },
              { ms: 2, from: "left", kind: "bytes", text: "greeting cut short: 10 of 64 octets before the close", hex: "ff 00 00 00 00 00 00 00 00 7f" },
              { ms: 2.4, from: "right", kind: "greeting", text: 'greeting ZMTP 3.1 mechanism "NULL" as-server 0', hex: "ff 00 00 00 00 00 00 00 00 7f 03 01" },
              { ms: 4000.2, from: "left", kind: "close", text: "closed" },
            ],
          },
        ],
        omitted: { connections: 0, events: 3 },
      },
    }),
    row({
      scenario: "connect-before-bind.queued-messages-delivered-in-order",
      level: "COMPAT",
      binder: "reference",
      connecter: "libzmq",
      outcome: "timeout",
      expected: ["pass"],
      observed: { summary: "timed out after 5000ms", checks: [], values: {} },
    }),
    row({
      scenario: "connect-before-bind.queued-messages-delivered-in-order",
      level: "COMPAT",
      binder: "libzmq",
      connecter: "reference",
      outcome: "pass",
      expected: ["fail"],
      expectation: { reason: "pretend: queued messages were lost", source: "fixtures/expectations/libzmq.json:9" },
    }),
  ];
}

export function sampleReport(rows: ResultRow[] = sampleRows()): Report {
  return buildReport(IMPLEMENTATIONS, rows, false);
}

/** Three Linux platforms that ran (the host and two containers) and FreeBSD, planned but not reachable. */
export function samplePlatforms(): PlatformEntry[] {
  const linux = { os: "linux", arch: "x64", kernel: "Linux 6.1.0-18-amd64", libzmq: "4.3.5", status: "run" as const };
  return [
    { id: "host", ...linux, node: "v20.20.2", libuv: "1.46.0", libc: "glibc 2.36", distro: "Debian GNU/Linux 12 (bookworm)", user: "uid 0 (root)" },
    {
      id: "linux-debian12",
      ...linux,
      node: "v18.19.0",
      libuv: "1.44.2",
      libc: "glibc 2.36",
      distro: "Debian GNU/Linux 12 (bookworm)",
      user: "uid 1000 (runner)",
    },
    {
      id: "linux-debian13",
      ...linux,
      node: "v20.19.2",
      libuv: "1.50.0",
      libc: "glibc 2.41",
      distro: "Debian GNU/Linux 13 (trixie)",
      user: "uid 1000 (runner)",
    },
    { id: "freebsd", os: "freebsd", status: "not-run", reason: "no FreeBSD host reachable: set FREEBSD_HOST to a machine with Node 20 and ssh access" },
  ];
}

/** The sample rows on each platform that ran, with the platforms listed. */
export function multiPlatformReport(): Report {
  const platforms = samplePlatforms();
  const rows = platforms.filter((p) => p.status === "run").flatMap((p) => sampleRows().map((r) => ({ ...r, platform: p.id })));
  return { ...sampleReport(rows), platforms };
}

/** Six implementations, so the interop matrix has 36 binder->connecter columns: the widest a report gets in practice. */
export const SIX_IMPLEMENTATIONS = [
  ...IMPLEMENTATIONS,
  { id: "pyzmq", name: "pyzmq 26.2.0 (driver)", version: "26.2.0" },
  { id: "jeromq", name: "JeroMQ 0.6.0 (driver)", version: "0.6.0" },
  { id: "czmq", name: "CZMQ 4.2.1 (driver)", version: "4.2.1" },
  { id: "netmq", name: "NetMQ 4.0.1 (driver)", version: "4.0.1" },
];

const INTEROP_SCENARIOS = [
  "req-rep",
  "req-router",
  "dealer-rep",
  "dealer-router",
  "dealer-dealer",
  "router-router",
  "router-sees-dealer-routing-id",
  "pair-pair",
  "push-pull",
  "pubsub-pairs",
  "multipart-empty-frames",
  "frame-size-boundaries",
  "one-mebibyte-message",
  "invalid-pairs",
];

/**
 * A full run of six implementations on each of `platforms`: a single-implementation suite (6
 * columns a platform) and the interop suite (36 pair columns a platform), with a few failures
 * spread over the matrix.
 */
export function sixImplementationsReport(platforms: readonly string[] = ["host"]): Report {
  const ids = SIX_IMPLEMENTATIONS.map((i) => i.id);
  const singles = ["second-bind-takes-new-connections", "regular-file-survives", "socket-file-replaced"].flatMap((name, s) =>
    ids.map((id, i) => row({ scenario: `bind-override.${name}`, implementation: id, outcome: (s + i) % 5 === 4 ? "fail" : "pass" })),
  );
  const pairs = INTEROP_SCENARIOS.flatMap((name, s) =>
    ids.flatMap((binder, b) =>
      ids.map((connecter, c) =>
        row({
          scenario: `interop.${name}`,
          title: `${name.replace(/-/g, " ")}: the binder's socket and the connecter's exchange 100 multipart messages in order over one ipc:// endpoint`,
          clause: "zmtp.message.atomic",
          binder,
          connecter,
          outcome: (s * 7 + b * 3 + c) % 17 === 0 ? "fail" : "pass",
        }),
      ),
    ),
  );
  const rows = platforms.flatMap((platform) => [...singles, ...pairs].map((r) => ({ ...r, platform })));
  return buildReport(SIX_IMPLEMENTATIONS, rows, false);
}
