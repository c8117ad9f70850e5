/**
 * Node runtimes as platforms: this process's own line is used as it is; another line comes from
 * the npm registry through scripts/node-runtime.sh, and one that cannot be had is an error naming
 * the package (never a download from anywhere else).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { NODE_RUNTIME_MAJORS, nodeRuntime, RuntimeUnavailable, runtimePlatformId } from "./node-runtimes";
import { planPlatform } from "./targets";

const own = Number(process.versions.node.split(".")[0]);

test("each release line is a platform host-nodeNN, run from the host", () => {
  expect(NODE_RUNTIME_MAJORS).toEqual([20, 22, 24, 26]);
  for (const major of NODE_RUNTIME_MAJORS)
    expect(planPlatform(runtimePlatformId(major))).toMatchObject({ where: "runtime", target: { kind: "runtime", major } });
});

test("this process's own line is this process's node", () => {
  expect(nodeRuntime(own)).toBe(process.execPath);
});

test("a line that cannot be installed is an error naming the package, with npm's reason on stderr", () => {
  const other = NODE_RUNTIME_MAJORS.find((major) => major !== own)!;
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), "zic-node-cache-"));
  // An empty cache, an npm cache of its own and a registry that refuses at once: nothing to be had.
  const env = {
    ...process.env,
    ZIC_NODE_CACHE: path.join(empty, "runtimes"),
    npm_config_cache: path.join(empty, "npm-cache"),
    npm_config_registry: "http://127.0.0.1:9/",
    npm_config_fetch_retries: "0",
    npm_config_prefer_offline: "false",
  };
  try {
    expect(() => nodeRuntime(other, env)).toThrow(RuntimeUnavailable);
    expect(() => nodeRuntime(other, env)).toThrow(
      `Node ${other} could not be had: the npm package node-${process.platform}-${process.arch}@${other} did not install or run`,
    );
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
}, 60_000);
