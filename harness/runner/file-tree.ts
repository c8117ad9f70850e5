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
