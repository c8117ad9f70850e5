import * as fs from "node:fs";
import * as net from "node:net";
import { randomBytes } from "node:crypto";
import { ZmqError, fromSystemError } from "../errors";
import type { IpcAddress } from "../endpoint/parse-endpoint";
import type { PlatformIpc } from "../endpoint/platform-limits";
import { makeWildcardDirectory, predictedWildcardPath, wildcardParent } from "./wildcard-directory";

/** The socket file a listener created, identified by inode so that it never removes a successor's file. */
interface OwnedFile {
  readonly path: string;
  readonly dev: number;
  readonly ino: number;
}

/**
 * A bound ipc endpoint.
 *
 * Override (zmq_ipc(7): "any existing binding to the same endpoint shall be overridden") is done
 * without ever leaving the path empty and without Node's blind unlink-on-close:
 *   1. refuse anything at the path that is not a socket (libzmq deletes a regular file there: data
 *      loss we do not copy);
 *   2. listen on a unique temporary name in the same directory;
 *   3. rename(2) it onto the path, which atomically replaces a live or stale socket file.
 * libuv later unlinks only the temporary name, which no longer exists; we remove the path on
 * close only while it is still our inode.
 */
export class IpcListener {
  private closed = false;

  private constructor(
    private readonly server: net.Server,
    /** The endpoint as ZMQ_LAST_ENDPOINT reports it. */
    readonly endpoint: string,
    private readonly owned: OwnedFile | undefined,
    private readonly wildcardDir: string | undefined,
  ) {}

  /** `backlog` is listen(2)'s: connections the kernel queues before we accept them (ZMQ_BACKLOG). */
  static async bind(
    address: IpcAddress,
    endpoint: string,
    platform: PlatformIpc,
    onConnection: (socket: net.Socket) => void,
    backlog: number,
  ): Promise<IpcListener> {
    switch (address.kind) {
      case "abstract": {
        const server = await listen(`\0${address.name}`, onConnection, endpoint, backlog);
        return new IpcListener(server, endpoint, undefined, undefined);
      }
      case "path": {
        const { server, owned } = await bindPath(address.path, endpoint, platform, onConnection, backlog);
        return new IpcListener(server, endpoint, owned, undefined);
      }
      case "wildcard": {
        const parent = wildcardParent();
        const predicted = predictedWildcardPath(parent);
        if (Buffer.byteLength(predicted) > platform.maxPathBytes) {
          throw new ZmqError(
            "ENAMETOOLONG",
            `wildcard path ${predicted} would be ${Buffer.byteLength(predicted)} bytes; ${platform.name} allows ${platform.maxPathBytes}`,
            endpoint,
          );
        }
        const { dir, socketPath } = makeWildcardDirectory(parent);
        try {
          const { server, owned } = await bindPath(socketPath, endpoint, platform, onConnection, backlog);
          return new IpcListener(server, `ipc://${socketPath}`, owned, dir);
        } catch (err) {
          fs.rmSync(dir, { recursive: true, force: true });
          throw err;
        }
      }
    }
  }

  /** Stops listening (established connections are the caller's to end) and removes what we created. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.server.close();
    if (this.owned !== undefined) removeIfStillOurs(this.owned);
    if (this.wildcardDir !== undefined) {
      try {
        fs.rmdirSync(this.wildcardDir);
      } catch {
        // Not empty or already gone: someone else put something there, leave it.
      }
    }
  }
}

async function bindPath(
  target: string,
  endpoint: string,
  platform: PlatformIpc,
  onConnection: (socket: net.Socket) => void,
  backlog: number,
): Promise<{ server: net.Server; owned: OwnedFile }> {
  refuseNonSocket(target, endpoint);
  const temporary = temporaryNameBeside(target, platform);
  const server = await listen(temporary.name, onConnection, endpoint, backlog, temporary.cwd);
  const temporaryPath = temporary.cwd === undefined ? temporary.name : `${temporary.cwd}/${temporary.name}`;
  try {
    const stat = fs.lstatSync(temporaryPath);
    // Checked again right before the rename: the window for a file to appear is now microseconds.
    refuseNonSocket(target, endpoint);
    fs.renameSync(temporaryPath, target);
    return { server, owned: { path: target, dev: stat.dev, ino: stat.ino } };
  } catch (err) {
    server.close(); // libuv unlinks the temporary name
    throw err instanceof ZmqError ? err : fromSystemError(err, endpoint);
  }
}

/** EADDRINUSE for anything at the path that is not a socket; ENOENT/ENOTDIR/EACCES for a bad directory. */
function refuseNonSocket(target: string, endpoint: string): void {
  refuseTrailingSlash(target, endpoint);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") {
      return checkParentDirectory(target, endpoint);
    }
    throw fromSystemError(err, endpoint);
  }
  if (!stat.isSocket()) {
    const what = stat.isDirectory() ? "a directory" : stat.isSymbolicLink() ? "a symbolic link" : stat.isFIFO() ? "a FIFO" : "a file that is not a socket";
    throw new ZmqError("EADDRINUSE", `${what} exists at the bind path; refusing to replace it`, endpoint);
  }
}

/**
 * A path ending in "/" names a directory: bind(2) never creates a socket there. The kernel finds
 * the name before the slash and says EEXIST (bind: EADDRINUSE) when anything is there, a regular
 * file or a socket included, and ENOENT when nothing is; the path is never trimmed to the name.
 */
function refuseTrailingSlash(target: string, endpoint: string): void {
  if (!/[^/]\/+$/.test(target)) return;
  const name = target.replace(/\/+$/, "");
  try {
    fs.lstatSync(name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw fromSystemError(err, endpoint);
    checkParentDirectory(name, endpoint);
    throw new ZmqError("ENOENT", "a path ending in / names a directory, and there is none: no socket is created there", endpoint);
  }
  throw new ZmqError("EADDRINUSE", "a path ending in / names what exists before the slash: refusing to bind there", endpoint);
}

function checkParentDirectory(target: string, endpoint: string): void {
  const slash = target.lastIndexOf("/");
  const parent = slash < 0 ? "." : slash === 0 ? "/" : target.slice(0, slash);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(parent);
  } catch (err) {
    throw fromSystemError(err, endpoint);
  }
  if (!stat.isDirectory()) throw new ZmqError("ENOTDIR", `${parent} is not a directory`, endpoint);
}

const NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

function randomName(length: number): string {
  const bytes = randomBytes(length);
  let name = ".";
  for (let i = 1; i < length; i++) name += NAME_CHARS[bytes[i] % NAME_CHARS.length];
  return name;
}

/**
 * A name for the temporary socket in the target's directory that itself fits sun_path.
 * When the directory alone leaves too little room (a path at the limit with a very short last
 * component), the name is bound relative to the directory instead (`cwd`).
 */
function temporaryNameBeside(target: string, platform: PlatformIpc): { name: string; cwd?: string } {
  const slash = target.lastIndexOf("/");
  const prefix = target.slice(0, slash + 1);
  const room = platform.maxPathBytes - Buffer.byteLength(prefix);
  if (room >= 8) return { name: prefix + randomName(Math.min(room, 16)) };
  return { name: randomName(16), cwd: prefix === "" ? "." : prefix };
}

function listen(address: string, onConnection: (socket: net.Socket) => void, endpoint: string, requestedBacklog: number, cwd?: string): Promise<net.Server> {
  // Node reads a backlog of 0 as "its default" (511): 1 is the nearest to libzmq's listen(fd, 0) it allows.
  const backlog = Math.max(1, requestedBacklog);
  return new Promise((resolve, reject) => {
    const server = net.createServer({ pauseOnConnect: false }, onConnection);
    // Node's message names the temporary listen path; the user knows only the endpoint.
    const onError = (err: NodeJS.ErrnoException) => reject(fromSystemError({ code: err.code, message: `cannot bind: ${err.code ?? err.message}` }, endpoint));
    server.once("error", onError);
    server.once("listening", () => {
      // A bound endpoint does not keep the process alive by itself, as in zeromq.js (socket-base.ts).
      server.unref();
      server.off("error", onError);
      // A listening server's later errors (EMFILE on accept) must not crash the process.
      server.on("error", () => undefined);
      resolve(server);
    });
    if (cwd === undefined) {
      server.listen(address, backlog);
      return;
    }
    // Node binds a pipe synchronously inside listen(), so the working directory is ours only for
    // that call. Not possible in worker threads, where chdir throws: that surfaces as the error.
    const previous = process.cwd();
    try {
      process.chdir(cwd);
      server.listen(address, backlog);
    } catch (err) {
      reject(fromSystemError(err, endpoint));
    } finally {
      process.chdir(previous);
    }
  });
}

function removeIfStillOurs(owned: OwnedFile): void {
  try {
    const stat = fs.lstatSync(owned.path);
    if (stat.dev === owned.dev && stat.ino === owned.ino) fs.unlinkSync(owned.path);
  } catch {
    // Already gone, or the directory went away: nothing of ours to remove.
  }
}
