import * as fs from "node:fs";
import * as os from "node:os";
import type { PlatformEntry } from "../report/report-json";

/**
 * What a report says about the machine a run happened on (issue 6): the versions that decide
 * ipc behaviour besides the implementation's own (kernel, libc, Node and its libuv, the libzmq
 * bundled in the `zeromq` package) and the user, since root bypasses every file permission a
 * permission scenario checks.
 */
export function describePlatform(id: string): PlatformEntry {
  machine ??= machineFacts();
  return { id, ...machine, status: "run" };
}

type MachineFacts = Omit<PlatformEntry, "id" | "status" | "reason" | "runAs">;

/** The facts do not change while the process runs: gathered once (process.report costs a few ms). */
let machine: MachineFacts | undefined;

function machineFacts(): MachineFacts {
  const libc = libcVersion();
  const distro = distroName();
  const libzmq = bundledLibzmqVersion();
  return {
    os: process.platform,
    arch: process.arch,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    libuv: process.versions.uv,
    ...(libc !== undefined ? { libc } : {}),
    ...(distro !== undefined ? { distro } : {}),
    ...(libzmq !== undefined ? { libzmq } : {}),
    user: userDescription(process.getuid?.(), accountName()),
  };
}

/**
 * "glibc 2.36" from the diagnostic report's header (the version loaded at run time, not the one
 * Node was built against); "musl" when a musl loader is mapped (its version is not exposed
 * without running the loader); absent elsewhere (the BSDs' and macOS's libc go with the kernel).
 */
function libcVersion(): string | undefined {
  if (process.platform !== "linux") return undefined;
  const report = diagnosticReport();
  if (report === undefined) return undefined;
  if (typeof report.header?.glibcVersionRuntime === "string") return `glibc ${report.header.glibcVersionRuntime}`;
  if ((report.sharedObjects ?? []).some((file) => /(^|\/)(ld|libc)[.-]musl/.test(file))) return "musl";
  return undefined;
}

interface DiagnosticReport {
  header?: { glibcVersionRuntime?: unknown };
  sharedObjects?: string[];
}

/** One report, without the network part (it may resolve names of open sockets). */
function diagnosticReport(): DiagnosticReport | undefined {
  const report = process.report as NodeJS.ProcessReport & { excludeNetwork?: boolean };
  if (report === undefined) return undefined;
  const excluded = report.excludeNetwork;
  try {
    report.excludeNetwork = true;
    return report.getReport() as DiagnosticReport;
  } catch {
    return undefined;
  } finally {
    report.excludeNetwork = excluded;
  }
}

/** PRETTY_NAME from os-release(5): /etc/os-release, else /usr/lib/os-release; absent if neither reads. */
function distroName(): string | undefined {
  for (const file of ["/etc/os-release", "/usr/lib/os-release"]) {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      continue;
    }
    return parseOsRelease(text).PRETTY_NAME;
  }
  return undefined;
}

/** os-release(5) is shell-compatible assignments: values optionally quoted, with \ escapes inside quotes. */
export function parseOsRelease(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match === null) continue;
    let value = match[2].trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\([\\"$`])/g, "$1");
    }
    fields[match[1]] = value;
  }
  return fields;
}

/** The libzmq inside the npm package `zeromq` (not Debian's libzmq a driver may use); absent if it does not load. */
function bundledLibzmqVersion(): string | undefined {
  try {
    const version = (require("zeromq") as { version?: unknown }).version;
    return typeof version === "string" ? version : undefined;
  } catch {
    return undefined;
  }
}

/** "uid 0 (root)", "uid 1000 (runner)"; root is named as such even when its account has another name. */
export function userDescription(uid: number | undefined, name: string | undefined): string {
  if (uid === undefined) return name ?? "unknown user";
  const label = name === undefined ? "no account name" : name;
  return uid === 0 && name !== "root" ? `uid 0 (${label}, root)` : `uid ${uid} (${label})`;
}

/** os.userInfo() throws when the uid has no passwd entry (common for a container's --user 1000). */
function accountName(): string | undefined {
  try {
    return os.userInfo().username;
  } catch {
    return undefined;
  }
}
