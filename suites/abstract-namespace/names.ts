import * as path from "node:path";
import type { ScenarioContext } from "../../harness/model/scenario-context";

/**
 * An abstract name no other run can be using: the abstract namespace is shared by the whole
 * network namespace, so parallel runs (and the two implementations) must never pick the same
 * name. ctx.dir's basename is unique while the scenario runs.
 */
export function abstractName(ctx: ScenarioContext, what: string): string {
  return `zic-${path.basename(ctx.dir)}-${what}`;
}

/**
 * Node's libuv before 1.48 (Node 20) binds and connects abstract sockets with the whole of
 * sun_path as the address, the name padded with NUL bytes (libuv PR #4266 fixed it), so a
 * node:net client reaches exactly `\0name` only from libuv 1.48 on.
 */
export function nodeUsesExactAbstractNames(): boolean {
  const [major, minor] = process.versions.uv.split(".").map(Number);
  return major > 1 || (major === 1 && minor >= 48);
}
