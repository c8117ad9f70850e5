/** What a path is: lstat's answer in words ("absent" when nothing is there). */
export type FileKind = "socket" | "file" | "directory" | "symlink" | "fifo" | "other" | "absent";

/**
 * The filesystem of the machine the implementations run on, as a scenario sees it (`ctx.files`).
 * On this host it is node:fs; on a remote site (a FreeBSD guest, reached through its site agent)
 * every call goes there, so a scenario reads the same on both. Refusals reject with an error
 * carrying the errno name in `code` (ENOENT, EEXIST, EACCES...), like node:fs's.
 */
export interface SiteFiles {
  /** What kind of file a path is now (not following a symbolic link); raw bytes for a path that is not valid UTF-8. */
  kind(path: string | Buffer): Promise<FileKind>;
  /** The permission bits (mode & 0o7777) of what the path names, following links. */
  mode(path: string): Promise<number>;
  /** The names in a directory, sorted. */
  list(dir: string): Promise<string[]>;
  /**
   * Everything under `root` as sorted relative paths ("d", "d/f"), for "nothing was left here"
   * checks: nothing at root is an empty list, and an entry that vanishes during the walk (libzmq
   * removes wildcard files on its I/O thread) is listed, not an error. Names that are not valid
   * UTF-8 are shown decoded with replacement characters.
   */
  tree(root: string): Promise<string[]>;
  mkdir(path: string, options?: { mode?: number; recursive?: boolean }): Promise<void>;
  /** Writes (creating or truncating) a file; `mode` applies when it is created (under the umask). */
  writeFile(path: string, data: string | Buffer, mode?: number): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  chmod(path: string, mode: number): Promise<void>;
  symlink(target: string, path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Makes a FIFO (mkfifo(3)); rejects with ENOSYS where the machine cannot. */
  mkfifo(path: string): Promise<void>;
  /** A plain connect(2) to the UNIX socket at `path` by the machine's user, closed at once: "connected", or the errno name. */
  connect(path: string): Promise<string>;
  /** Makes a socket file nobody listens on at `path` (a "stale" one, as a crashed process leaves). */
  staleSocket(path: string): Promise<void>;
  /** Removes a file, or a directory and everything in it (links are removed, never followed); nothing there is fine. */
  remove(path: string): Promise<void>;
}
