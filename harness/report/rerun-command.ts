import type { ResultRow } from "../runner/result";
import type { Report } from "./report-json";

/**
 * The one command that reruns one cell, printed beside every result a reader may want to
 * reproduce (h2spec's lesson: say how to run just this one): in the terminal, summary.md,
 * junit.xml and report.html alike. It starts each implementation the way the run did (a
 * --driver with its command, else --impl), judges it by the same --expect file, on the same
 * platform, multiplier and --repeat count, and writes into a directory of its own under the run's --out, so the
 * reports it came from are never overwritten.
 *
 * A pair row names both implementations: the rerun plays every pair of the two (the cell among them).
 */
export function rerunCommand(row: ResultRow, report: Pick<Report, "implementations" | "platforms" | "invocation">): string {
  const ids = [...new Set(row.implementation !== undefined ? [row.implementation] : [row.binder!, row.connecter!])];
  const entries = ids.map((id) => report.implementations.find((impl) => impl.id === id) ?? { id, start: undefined, expectations: undefined });
  const byId = entries.filter((e) => e.start?.kind !== "driver").map((e) => e.id);
  // A merge may have renamed a colliding platform id; the machine knows it by its old name.
  const platform = report.platforms?.find((p) => p.id === row.platform)?.runAs ?? row.platform;
  const words: string[] = ["npx", "zmq-ipc-conformance", "run"].map(shellWord);
  if (byId.length > 0) words.push("--impl", shellWord(byId.join(",")));
  for (const entry of entries) {
    if (entry.start?.kind === "driver") words.push("--driver", `${shellWord(entry.id)}=${shellWord(entry.start.command)}`);
  }
  for (const entry of entries) if (entry.expectations !== undefined) words.push("--expect", shellWord(entry.expectations));
  words.push("--scenario", shellWord(row.scenario), "--platform", shellWord(platform));
  const multiplier = report.invocation?.timeoutMultiplier;
  if (multiplier !== undefined) words.push("--timeout-multiplier", shellWord(String(multiplier)));
  if (report.invocation?.repeat !== undefined) words.push("--repeat", shellWord(String(report.invocation.repeat)));
  words.push("--out", shellWord(rerunDirectory(row, report.invocation?.out ?? "out")));
  return words.join(" ");
}

/** `<out>/rerun/<scenario>[.<binder>-to-<connecter>][.<platform>]`: one directory per cell, inside the run's own. */
export function rerunDirectory(row: ResultRow, out: string): string {
  const pair = row.implementation === undefined ? `.${row.binder}-to-${row.connecter}` : "";
  const platform = row.platform === "host" ? "" : `.${row.platform}`;
  return `${out.replace(/\/+$/, "") || "/"}/rerun/${row.scenario}${pair}${platform}`.replace(/^\/\//, "/");
}

/** Quotes only when needed, so the usual command stays as plain as it was typed. */
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9_.,/:=@%+-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
