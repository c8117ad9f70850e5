import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import type { FileKind, SiteFiles } from "../../model/site-files";
import { entriesUnder } from "../file-tree";

/** What kind of file a path is now, on this machine (lstat). */
export function localFileKind(p: string | Buffer): FileKind {
  try {
    const stat = fs.lstatSync(p);
    if (stat.isSocket()) return "socket";
    if (stat.isFile()) return "file";
    if (stat.isDirectory()) return "directory";
    if (stat.isSymbolicLink()) return "symlink";
    if (stat.isFIFO()) return "fifo";
    return "other";
  } catch {
    return "absent";
  }
}

/** ctx.files when the implementations run on this machine: node:fs. */
export const LOCAL_FILES: SiteFiles = {
  kind: async (p) => localFileKind(p),
  mode: async (p) => fs.statSync(p).mode & 0o7777,
  list: async (dir) => fs.readdirSync(dir).sort(),
  tree: async (root) => entriesUnder(root),
  mkdir: async (p, options) => void fs.mkdirSync(p, options),
  writeFile: async (p, data, mode) => fs.writeFileSync(p, data, mode === undefined ? undefined : { mode }),
  readFile: async (p) => fs.readFileSync(p),
  chmod: async (p, mode) => fs.chmodSync(p, mode),
  symlink: async (target, p) => fs.symlinkSync(target, p),
  rename: async (from, to) => fs.renameSync(from, to),
  remove: async (p) => fs.rmSync(p, { recursive: true, force: true }),
  staleSocket,
  // Node has no mkfifo: the coreutils command.
  mkfifo: async (p) => void execFileSync("mkfifo", [p], { stdio: ["ignore", "ignore", "pipe"] }),
  connect: (p) =>
    new Promise<string>((resolve) => {
      const socket = net.connect(p);
      socket.once("connect", () => {
        socket.destroy();
        resolve("connected");
      });
      socket.once("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    }),
};

/**
 * A socket file nobody listens on: bound with node:net, then the handle closed without unlinking
 * (libuv unlinks on close, so the file is bound under another name and renamed first).
 */
function staleSocket(p: string): Promise<void> {
  const temporary = path.join(path.dirname(p), `.stale-${process.pid}-${path.basename(p)}`);
  return new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(temporary, () => {
      fs.renameSync(temporary, p);
      server.close(() => resolve());
    });
  });
}
