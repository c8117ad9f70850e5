import * as fs from "node:fs";
import * as path from "node:path";

/**
 * npm packages the harness uses only for some runs, so that an implementer's driver-only gate
 * installs without them: `zeromq` (libzmq in this process, --impl libzmq, 34 MB with its addon)
 * and `testcontainers` (the Linux container platforms, 141 packages). package.json declares them
 * as optional peer dependencies: the versions that work are written there, and only there.
 */
export type OptionalPackage = "zeromq" | "testcontainers";

/** Whether the package can be loaded from here (a clone's devDependencies, or installed beside this package). */
export function optionalPackageInstalled(name: OptionalPackage): boolean {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

/** One line: what needs the package and the command that installs the version that works. */
export function missingPackageMessage(name: OptionalPackage, neededBy: string): string {
  return `${neededBy} needs the npm package ${name}, which is not installed here: npm install --save-dev ${name}@${declaredRange(name)}`;
}

/** The range package.json's peerDependencies give, so the message never names a version that does not work. */
function declaredRange(name: OptionalPackage): string {
  for (const up of ["..", "../..", "../../.."]) {
    const file = path.join(__dirname, up, "package.json");
    if (!fs.existsSync(file)) continue;
    const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; peerDependencies?: Record<string, string> };
    if (manifest.name === "zmq-ipc-conformance") return manifest.peerDependencies?.[name] ?? "latest";
  }
  return "latest";
}
