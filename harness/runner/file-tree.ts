import * as fs from "node:fs";

/**
 * Everything under `root`, as sorted relative paths, for "nothing was left here" checks. Names
 * are read as raw bytes (a truncated UTF-8 name need not be valid UTF-8) and shown decoded.
 * Entries may vanish while we walk (libzmq removes wildcard files on its I/O thread): a name that
 * is gone by the time we look inside it is listed, not an error.
 */
export function entriesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: Buffer, prefix: string) => {
    let entries: fs.Dirent<Buffer>[];
    try {
      entries = fs.readdirSync(dir, { encoding: "buffer", withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
      throw err;
    }
    for (const entry of entries) {
      const shown = prefix + entry.name.toString("utf8");
      found.push(shown);
      if (entry.isDirectory()) walk(Buffer.concat([dir, Buffer.from("/"), entry.name]), `${shown}/`);
    }
  };
  walk(Buffer.from(root), "");
  return found.sort();
}

/**
 * Removes `dir` and everything under it, even while something else is deleting entries in it,
 * and says whether it is gone. Node 22, 24 and 26's fs.rmSync returns without an error yet
 * leaves part of the tree when an entry vanishes under it (Node 20's does not): libzmq removes a
 * wildcard socket and its directory on its I/O thread after a close, so every libzmq wildcard
 * scenario run under those Nodes left its directory in the temporary directory. Each pass removes
 * what the one before missed; the other deleter only ever removes, so a pass or two suffice.
 */
export function removeTree(dir: string, passes = 10): boolean {
  for (let pass = 0; pass < passes; pass++) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // an entry removed under us: the next pass sees the tree as it is now
    }
    if (!fs.existsSync(dir)) return true;
  }
  return false;
}
