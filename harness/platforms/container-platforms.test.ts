/**
 * The container platforms are one list (harness/model/container-platforms.json): the --platform
 * targets, the help, the docker scripts' arguments and the Dockerfile's check all follow it, so a
 * new Debian release is one entry. The scripts are run only as far as their arguments (no engine).
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { CONTAINER_PLATFORMS, containerPlatformList } from "../model/container-platform";
import { commandHelp } from "../cli/help";
import { PLATFORM_TARGETS } from "./targets";

const ROOT = path.resolve(__dirname, "../..");
const bash = (...args: string[]) => spawnSync("bash", args, { cwd: ROOT, encoding: "utf8" });

test("every entry is a container target with its image and the command that builds it", () => {
  expect(CONTAINER_PLATFORMS.map((p) => p.id)).toEqual(["linux-debian12", "linux-debian13"]);
  const containers = PLATFORM_TARGETS.filter((t) => t.kind === "container");
  expect(containers).toEqual(
    CONTAINER_PLATFORMS.map((p) => ({
      id: p.id,
      kind: "container",
      title: p.title,
      image: `zic-linux:${p.tag}`,
      build: `bash docker/build-images.sh ${p.tag}`,
    })),
  );
  for (const p of CONTAINER_PLATFORMS) {
    expect(p.id).toMatch(/^linux-[a-z0-9-]+$/);
    expect(p.nodeFrom).toMatch(/^(host|debian|npm:\d+)$/);
  }
});

test("the help and the skip sentence name every container platform", () => {
  const help = commandHelp("run").replace(/\s+/g, " ");
  for (const p of CONTAINER_PLATFORMS) expect(help).toContain(p.id);
  expect(containerPlatformList()).toBe("linux-debian12 or linux-debian13");
});

test("build-images.sh takes exactly the tags of the list and names them when given another", () => {
  const unknown = bash("docker/build-images.sh", "debian99");
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toContain("unknown platform tag 'debian99' (known: debian12 debian13, from ");
  const option = bash("docker/build-images.sh", "--bogus");
  expect(option.status).toBe(2);
  expect(option.stderr).toContain("TAG one of: debian12 debian13");
});

test("build-base-image.sh takes exactly the Debian suites of the list", () => {
  const other = bash("docker/base/build-base-image.sh", "sid");
  expect(other.status).toBe(2);
  expect(other.stderr).toContain("one of: bookworm trixie (the platforms' Debian suites in ");
});

test("the scripts read the list through node: each row is tag, id, suite and node source", () => {
  const rows = execFileSync("bash", ["-c", ". docker/container-platforms.sh && platform_rows"], { cwd: ROOT, encoding: "utf8" });
  expect(rows.trim().split("\n")).toEqual(CONTAINER_PLATFORMS.map((p) => [p.tag, p.id, p.debianSuite, p.nodeFrom].join("\t")));
});

test("the Dockerfile checks the form of a platform id, not a list of its own", () => {
  const dockerfile = fs.readFileSync(path.join(ROOT, "docker/linux/Dockerfile"), "utf8");
  for (const p of CONTAINER_PLATFORMS) expect(dockerfile).not.toContain(`in ${p.id}`);
  expect(dockerfile).toMatch(/case "\$\{PLATFORM_ID\}" in linux-\?\*\)/);
});
