import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { TestSocket } from "../../model/implementation";
import type { Fault } from "../faulty-implementation";
import { switchedOn, wrapping } from "../faulty-implementation";
import { IPC, pathOf } from "./endpoint";

/**
 * libzmq binds ipc://@name with an address length that ends at the name; adding the C string's
 * NUL makes a different abstract name, which no libzmq peer ever meets. Needs exact abstract
 * names (libuv >= 1.48, Node 22): on Node 20 the reference declares no abstract namespace, its
 * scenarios are `unsupported`, and the faults command reports this fault as not runnable here.
 */
export const abstractTrailingNul: Fault = {
  id: "abstract-trailing-nul",
  mirrors: "an abstract address length that counts the C string's NUL (sizeof/strlen+1), as libuv before 1.48 pads the name (Node 20)",
  clauses: ["ipc.bind.abstract"],
  caughtBy: ["abstract-namespace.bound-name-is-exact"],
  createSocket: switchedOn("abstract-trailing-nul"),
};

/**
 * Where the fake puts its sockets: one private directory shared by the faulty sockets open at the
 * moment, removed when the last of them closes (an exit handler would not run in a jest worker).
 * The name of a socket is a hash of the absolute path, as JeroMQ's TCP port is a hash of the name.
 */
let hiddenDir: string | undefined;
let openSockets = 0;
function hiddenPlaceFor(endpointPath: string): string {
  hiddenDir ??= fs.mkdtempSync(path.join(os.tmpdir(), "zic-fake-ipc-"));
  const port = createHash("sha1").update(path.resolve(endpointPath)).digest("hex").slice(0, 12);
  return path.join(hiddenDir, port);
}
function socketClosed(): void {
  if (--openSockets > 0 || hiddenDir === undefined) return;
  fs.rmSync(hiddenDir, { recursive: true, force: true });
  hiddenDir = undefined;
}

const isNamedPath = (endpoint: string) => endpoint.startsWith(IPC) && !/^[*@]/.test(pathOf(endpoint));
const hidden = (endpoint: string) => (isNamedPath(endpoint) ? `${IPC}${hiddenPlaceFor(pathOf(endpoint))}` : endpoint);

/**
 * ipc:// that never makes a socket file at the path: bind and connect both go to a place derived
 * from the name. Its own sockets find each other; nothing else does. (JeroMQ's hop is a TCP port
 * on 127.0.0.1; this fault's is a hidden UNIX socket, which is the same to every observer of the
 * path: no file there, no peer of another implementation reaches it.) It still declares the
 * "socket-file" capability, as a library that calls this ipc does by implication.
 */
export const fakeIpcOverTcp: Fault = {
  id: "fake-ipc-over-tcp",
  mirrors: "JeroMQ 0.3.6-0.6.0 and NetMQ: ipc://name listens on TCP 127.0.0.1 at port hash(name) % 55536 + 10000 and creates no socket file",
  clauses: [
    "ipc.transport.unix-domain-sockets",
    "ipc.bind.pathname",
    "ipc.bind.absolute-pathname",
    "ipc.connect.pathname",
    "ipc.connect.pathname-bound",
    "compat.os.path-socket-shared-volume",
  ],
  caughtBy: ["endpoint-lifecycle.relative-path-in-working-directory"],
  createSocket: wrapping((socket: TestSocket): TestSocket => {
    let last: string | null = null;
    let closed = false;
    openSockets++;
    return {
      ...socket,
      bind: async (endpoint) => {
        await socket.bind(hidden(endpoint));
        last = isNamedPath(endpoint) ? endpoint : await socket.lastEndpoint();
      },
      unbind: (endpoint) => socket.unbind(hidden(endpoint)),
      connect: (endpoint) => socket.connect(hidden(endpoint)),
      disconnect: (endpoint) => socket.disconnect(hidden(endpoint)),
      lastEndpoint: async () => last ?? socket.lastEndpoint(),
      close: async () => {
        await socket.close();
        if (!closed) socketClosed();
        closed = true;
      },
    };
  }),
};
