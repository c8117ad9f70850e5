import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { projectRoot } from "../driver/shipped-drivers";

/**
 * The Node.js release lines a run can be made under, as platforms `host-node20` ... `host-node26`:
 * the in-process implementations (the reference, libzmq through zeromq.js) and the CLI itself run
 * on that runtime, on this machine. 20 reached end of life in April 2026 and stays because the
 * machines start with it; 22 is in maintenance, 24 and 26 are LTS.
 */
export const NODE_RUNTIME_MAJORS: readonly number[] = [20, 22, 24, 26];

/** The platform id of a runtime: "host-node24". */
export function runtimePlatformId(major: number): string {
  return `host-node${major}`;
}

/** A runtime that cannot be had: the package, and npm's reason. */
export class RuntimeUnavailable extends Error {}

/**
 * The node binary of a release line: this process's own when it is that line, else the npm
 * package node-<os>-<arch>@<major> from the cache that scripts/node-runtime.sh keeps (installed on
 * first use, with npm's progress on stderr). The script holds the cache's layout, so the container
 * images' build finds the same binaries.
 */
export function nodeRuntime(major: number, env: NodeJS.ProcessEnv = process.env): string {
  if (Number(process.versions.node.split(".")[0]) === major) return process.execPath;
  const script = path.join(projectRoot(), "scripts", "node-runtime.sh");
  const found = spawnSync("sh", [script, String(major)], { encoding: "utf8", env, stdio: ["ignore", "pipe", "inherit"] });
  const bin = found.stdout?.trim() ?? "";
  if (found.status !== 0 || bin === "") {
    throw new RuntimeUnavailable(
      `Node ${major} could not be had: the npm package node-${process.platform}-${process.arch}@${major} did not install or run (${found.error?.message ?? `sh ${script} ${major} exited ${found.status}`}; npm's message is above)`,
    );
  }
  return bin;
}
