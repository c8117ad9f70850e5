import * as fs from "node:fs";
import { ImplementationError, type TestSocket } from "../adapters/implementation";
import type { Fault } from "./faulty-implementation";

const pathOf = (endpoint: string) => endpoint.replace(/^ipc:\/\//, "");

/** Node 20's net.Server.listen: a path longer than sun_path is cut to 107 bytes and bound anyway. */
export const truncatesLongPaths: Fault = {
  id: "truncates-long-paths",
  mirrors: "Node.js 20 (libuv) silently truncating a long UNIX socket path on listen",
  caughtBy: ["path-length.one-over-limit-creates-nothing", "path-length.one-over-limit-refused"],
  wrap: (socket) => ({
    ...socket,
    bind: (endpoint) => {
      const path = pathOf(endpoint);
      if (Buffer.byteLength(path) <= 107) return socket.bind(endpoint);
      const truncated = Buffer.from(path).subarray(0, 107).toString();
      return socket.bind(`ipc://${truncated}`);
    },
  }),
};

/** tcp-like bind semantics: a second bind of the same path is refused. */
export const refusesOverride: Fault = {
  id: "refuses-override",
  mirrors: "an implementation that treats ipc like tcp (EADDRINUSE on an existing binding)",
  caughtBy: ["bind-override.second-bind-takes-new-connections"],
  wrap: (socket) => ({
    ...socket,
    bind: async (endpoint) => {
      const path = pathOf(endpoint);
      if (fs.existsSync(path) && fs.lstatSync(path).isSocket()) {
        throw new ImplementationError("EADDRINUSE", "Address already in use");
      }
      return socket.bind(endpoint);
    },
  }),
};

/** libzmq 3.2 - 4.2.2 (#2764): closing an overridden binder unlinks the new owner's socket file. */
export const unlinksOnCloseAfterOverride: Fault = {
  id: "unlinks-on-close-after-override",
  mirrors: "libzmq before 4.2.3 (issue #2764), and Node's server.close() unlinking blindly",
  caughtBy: ["bind-override.closing-first-keeps-second-working"],
  wrap: (socket) => {
    const bound: string[] = [];
    return {
      ...socket,
      bind: async (endpoint) => {
        await socket.bind(endpoint);
        bound.push(pathOf(endpoint));
      },
      close: async () => {
        await socket.close();
        for (const path of bound) fs.rmSync(path, { force: true });
      },
    };
  },
};

export const FAULTS: readonly Fault[] = [truncatesLongPaths, refusesOverride, unlinksOnCloseAfterOverride];
