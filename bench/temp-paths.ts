import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

let dir: string | undefined;
let next = 0;

/** A socket path nobody uses, in one private directory for the whole benchmark (removed by cleanupPaths). */
export function freshPath(): string {
  dir ??= fs.mkdtempSync(path.join(os.tmpdir(), "zic-bench-"));
  return path.join(dir, `${next++}.sock`);
}

export function cleanupPaths(): void {
  if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
}
