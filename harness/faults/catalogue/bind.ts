import * as fs from "node:fs";
import { ImplementationError } from "../../model/implementation";
import type { Fault } from "../faulty-implementation";
import { wrapping } from "../faulty-implementation";
import { pathOf } from "./endpoint";

/** tcp-like bind semantics: a second bind of the same path is refused. */
export const refusesOverride: Fault = {
  id: "refuses-override",
  mirrors: "an ipc bind that behaves like listen(2) on an existing path (EADDRINUSE), as a plain Node net.Server.listen does",
  clauses: ["ipc.bind.override"],
  caughtBy: ["bind-override.second-bind-takes-new-connections"],
  createSocket: wrapping((socket) => ({
    ...socket,
    bind: async (endpoint) => {
      const path = pathOf(endpoint);
      if (fs.existsSync(path) && fs.lstatSync(path).isSocket()) {
        throw new ImplementationError("EADDRINUSE", "Address already in use");
      }
      return socket.bind(endpoint);
    },
  })),
};

/** Closing an overridden binder unlinks the path, which by now is the new owner's socket file. */
export const unlinksOnCloseAfterOverride: Fault = {
  id: "unlinks-on-close-after-override",
  mirrors: "libzmq 3.2 to 4.2.2 (issue #2764), and Node's server.close() unlinking the path blindly",
  clauses: ["ipc.bind.override"],
  caughtBy: ["bind-override.closing-first-keeps-second-working"],
  createSocket: wrapping((socket) => {
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
  }),
};

/** Whatever is at the bind path is unlinked first: a regular file's data is gone. */
export const deletesRegularFile: Fault = {
  id: "deletes-regular-file",
  mirrors: "libzmq's unconditional unlink(path) before bind (ipc_listener.cpp, every 4.x), which deletes a regular file put there by mistake",
  clauses: ["ipc.bind.override"],
  caughtBy: ["bind-override.regular-file-survives"],
  createSocket: wrapping((socket) => ({
    ...socket,
    bind: async (endpoint) => {
      const path = pathOf(endpoint);
      if (fs.existsSync(path) && fs.lstatSync(path).isFile()) fs.unlinkSync(path);
      return socket.bind(endpoint);
    },
  })),
};
