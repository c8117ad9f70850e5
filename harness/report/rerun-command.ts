import type { ResultRow } from "../runner/result";
import type { PlatformEntry } from "./report-json";

/**
 * The one command that reruns exactly one cell, printed beside every result a reader may want to
 * reproduce (h2spec's lesson: say how to run just this one). Pairs pass `binder,connecter`.
 */
export function rerunCommand(row: ResultRow, platforms: readonly PlatformEntry[] = []): string {
  const impl = row.implementation ?? `${row.binder},${row.connecter}`;
  // A merge may have renamed a colliding platform id; the machine knows it by its old name.
  const platform = platforms.find((p) => p.id === row.platform)?.runAs ?? row.platform;
  return ["npx", "zmq-ipc-conformance", "run", "--impl", impl, "--scenario", row.scenario, "--platform", platform].map(shellWord).join(" ");
}

/** Quotes only when needed, so the usual command stays as plain as it was typed. */
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9_.,/:=@%+-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
