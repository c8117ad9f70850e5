import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { ImplementationInfo } from "../model/implementation";
import type { ResultRow } from "../runner/result";
import type { TraceMode } from "../model/transcript";
import type { ClauseLevel } from "../../fixtures/spec";

/**
 * Bumped on any change a reader of report.json would notice. 2: implementations say how they
 * were started and with which --expect file, rows quote the expectation entry that decided them,
 * and `invocation` keeps what a rerun needs. 3: rows may carry a transcript (run --trace), and
 * `invocation.trace` says which mode. docs/reports.md has the migration notes.
 */
export const REPORT_SCHEMA_VERSION = 3;

export interface Report {
  schemaVersion: number;
  generatedAt: string;
  environment: {
    platform: string;
    kernel: string;
    arch: string;
    node: string;
    /** True when the run was cut short: the rows are what finished. */
    partial: boolean;
  };
  implementations: ImplementationEntry[];
  results: ResultRow[];
  /** How the run was asked for, as far as rerunning one of its cells needs it. */
  invocation?: Invocation;
  /** Where the rows ran; merged reports carry it (a single run's platform is its environment). */
  platforms?: PlatformEntry[];
  /** The cited clauses' text, so a report read years later still quotes the spec it was checked against. */
  clauses?: Record<string, ReportClause>;
  /** What a merge had to decide (version conflicts, renamed platforms, replaced rows). */
  notes?: string[];
}

/** An implementation of the run: what it is, and how the run started it (so a rerun can start it the same way). */
export interface ImplementationEntry extends Pick<ImplementationInfo, "id" | "name" | "version"> {
  start?: ImplementationStart;
  /** The --expect file the run judged it by, as it was given; absent: the shipped file, or none. */
  expectations?: string;
}

/**
 * In the harness's process (reference, libzmq), a driver this project ships (--impl pyzmq), or a
 * --driver command, as it was typed: the rerun command gives the same flag.
 */
export type ImplementationStart = { kind: "in-process" } | { kind: "shipped-driver"; command: string } | { kind: "driver"; command: string };

export interface Invocation {
  /** The --out directory as it was given (relative to where the command ran). */
  out: string;
  /** --timeout-multiplier, when one was given: a rerun on the same slow machine needs it too. */
  timeoutMultiplier?: number;
  /** --repeat, when one was given: a flaky cell is rerun as often as it was run. */
  repeat?: number;
  /** --trace, when one was given: which cells carry a transcript. */
  trace?: TraceMode;
}

/** One platform of a (merged) report: rows name it by `id`. */
export interface PlatformEntry {
  id: string;
  /** process.platform of the machine: "linux", "darwin", "freebsd". */
  os: string;
  arch?: string;
  /** `${os.type()} ${os.release()}`: "Linux 6.1.0-18-amd64". */
  kernel?: string;
  /** process.version: "v20.20.2". */
  node?: string;
  /** Node's libuv (process.versions.uv): it decides how a path becomes a sockaddr_un. */
  libuv?: string;
  /** "glibc 2.36", "musl". */
  libc?: string;
  /** The distribution's PRETTY_NAME (os-release(5)): "Debian GNU/Linux 12 (bookworm)". */
  distro?: string;
  /** The libzmq bundled in the npm package `zeromq` there: "4.3.5". */
  libzmq?: string;
  /** Who ran the suites: "uid 0 (root)", "uid 1000 (runner)". Root passes every permission check. */
  user?: string;
  /** The harness ran elsewhere and reached this machine through its site agent: "site agent at 127.0.0.1:7117". */
  reachedThrough?: string;
  /** What built the machine, for a platform a user cannot simply reproduce (a FreeBSD guest from a source snapshot). */
  provenance?: string;
  /**
   * "not-run": the platform was planned but produced no rows (`reason` says why). "recorded": its
   * rows come from a run kept in the project (fixtures/recorded/), not from this run: shown with
   * their date, never judged by this run's gate.
   */
  status: "run" | "not-run" | "recorded";
  /** For a recorded platform: when that run happened, and the file its rows come from. */
  recorded?: { at: string; source: string };
  reason?: string;
  /** The --platform value that reruns its cells on its own machine, when a merge renamed the id. */
  runAs?: string;
}

/** A clause as a report quotes it (fixtures/spec/clauses.json is the source). */
export interface ReportClause {
  text: string;
  source: string;
  level: ClauseLevel;
  /** Human reference, e.g. "zmq_ipc(7) 3.2.5 Binding a socket ¶3". */
  display?: string;
  url?: string;
}

export function buildReport(implementations: ReadonlyArray<ImplementationEntry>, results: ResultRow[], partial: boolean): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: new Date().toISOString(),
    environment: {
      platform: os.platform(),
      kernel: `${os.type()} ${os.release()}`,
      arch: os.arch(),
      node: process.version,
      partial,
    },
    implementations: implementations.map(({ id, name, version, start, expectations }) => ({
      id,
      name,
      version,
      ...(start !== undefined ? { start } : {}),
      ...(expectations !== undefined ? { expectations } : {}),
    })),
    results,
  };
}

/** Written to a temporary name and renamed, so a crash mid-write never leaves half a report. */
export function writeReportJson(dir: string, report: Report): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "report.json");
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(report, null, 2)}\n`);
  fs.renameSync(temporary, file);
  return file;
}
