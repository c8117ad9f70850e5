import * as fs from "node:fs";
import * as path from "node:path";
import type { Fault } from "../faulty-implementation";
import { wrapping } from "../faulty-implementation";
import { IPC, LINUX_MAX_PATH_BYTES, pathOf, truncateToBytes } from "./endpoint";

/** Node 20's net.Server.listen: a path longer than sun_path is cut short and bound anyway. */
export const truncatesLongPaths: Fault = {
  id: "truncates-long-paths",
  mirrors: "Node.js 20 (libuv 1.46) net.Server.listen silently truncating a too-long UNIX socket path (Node 23+ refuses)",
  clauses: ["compat.libzmq.path-length-bytes", "ipc.bind.pathname", "ipc.bind.pathname-unique-valid"],
  caughtBy: ["path-length.one-over-limit-creates-nothing", "path-length.one-over-limit-refused"],
  createSocket: wrapping((socket) => ({
    ...socket,
    bind: (endpoint) => socket.bind(`${IPC}${truncateToBytes(pathOf(endpoint), LINUX_MAX_PATH_BYTES)}`),
  })),
};

/**
 * The limit checked with String.length (UTF-16 units) instead of bytes: a path of multibyte
 * characters passes the check and reaches Node 20, which truncates it.
 */
export const countsCharactersNotBytes: Fault = {
  id: "counts-characters-not-bytes",
  mirrors: "a length check written as path.length <= 107 (characters), where sun_path counts bytes; libzmq uses strlen (bytes)",
  clauses: ["compat.libzmq.path-length-bytes"],
  caughtBy: ["path-length.multibyte-over-limit-refused"],
  createSocket: wrapping((socket) => ({
    ...socket,
    bind: (endpoint) => {
      const path = pathOf(endpoint);
      if (path.length > LINUX_MAX_PATH_BYTES) return socket.bind(endpoint); // refused as it should be
      return socket.bind(`${IPC}${truncateToBytes(path, LINUX_MAX_PATH_BYTES)}`);
    },
  })),
};

/**
 * `>` where libzmq has `>=`: a path that fills sun_path without its NUL (108 bytes on Linux) is
 * accepted. Node and the BSD kernels accept such a path; libzmq refuses it, so its peers cannot
 * connect to it. The reference refuses it too, so the fault binds a short name beside the target
 * and renames it onto the 108-byte path (the socket stays reachable there: a rename keeps the
 * socket's inode, which is what connect(2) finds).
 */
export const offByOneAtLimit: Fault = {
  id: "off-by-one-at-limit",
  mirrors: "Node/libuv and the BSD kernels accepting a path that fills sun_path with no NUL (108 bytes on Linux); libzmq refuses strlen >= sizeof(sun_path)",
  clauses: ["compat.libzmq.path-length-bytes"],
  caughtBy: ["path-length.one-over-limit-refused"],
  createSocket: wrapping((socket) => {
    let bound: string | undefined;
    return {
      ...socket,
      bind: async (endpoint) => {
        const target = pathOf(endpoint);
        if (Buffer.byteLength(target) !== LINUX_MAX_PATH_BYTES + 1) return socket.bind(endpoint);
        const short = path.join(path.dirname(target), `.off-by-one-${process.pid}`);
        await socket.bind(`${IPC}${short}`);
        fs.renameSync(short, target);
        bound = endpoint;
      },
      lastEndpoint: async () => bound ?? socket.lastEndpoint(),
    };
  }),
};
