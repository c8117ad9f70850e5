import * as fs from "node:fs";
import type { TestSocket } from "../../model/implementation";
import type { Fault } from "../faulty-implementation";
import { wrapping } from "../faulty-implementation";
import { makeWildcardDirectory, wildcardParent } from "../../../reference/transport/wildcard-directory";
import { IPC, pathOf } from "./endpoint";

const isWildcard = (endpoint: string) => pathOf(endpoint).startsWith("*") && endpoint.startsWith(IPC);

/**
 * ipc://* done by hand: a private directory under `parent()`, then a named bind of
 * `<dir>/socket`. On unbind and close, `cleanUp` decides what of the file and directory goes.
 */
function handMadeWildcard(parent: () => string, cleanUp: (dir: string, socketPath: string) => void) {
  return wrapping((socket: TestSocket): TestSocket => {
    const made = new Map<string, { dir: string; socketPath: string }>();
    const release = (endpoint: string) => {
      const entry = made.get(endpoint);
      if (entry === undefined) return;
      made.delete(endpoint);
      cleanUp(entry.dir, entry.socketPath);
    };
    return {
      ...socket,
      bind: async (endpoint) => {
        if (!isWildcard(endpoint)) return socket.bind(endpoint);
        const entry = makeWildcardDirectory(parent());
        await socket.bind(`${IPC}${entry.socketPath}`);
        made.set(`${IPC}${entry.socketPath}`, entry);
      },
      unbind: async (endpoint) => {
        await socket.unbind(endpoint);
        release(endpoint);
      },
      close: async () => {
        await socket.close();
        for (const endpoint of [...made.keys()]) release(endpoint);
      },
    };
  });
}

const removeBoth = (dir: string) => fs.rmSync(dir, { recursive: true, force: true });

export const wildcardIgnoresTmpdir: Fault = {
  id: "wildcard-ignores-tmpdir",
  mirrors: "a wildcard that always uses /tmp (a hard-coded P_tmpdir), where libzmq takes TMPDIR, TEMPDIR, TMP in that order",
  clauses: ["compat.libzmq.wildcard-tmpdir-precedence"],
  caughtBy: ["wildcard.tmpdir-tempdir-tmp-precedence"],
  createSocket: handMadeWildcard(() => "/tmp/", removeBoth),
};

export const wildcardLeavesDirectory: Fault = {
  id: "wildcard-leaves-directory",
  mirrors: "libzmq before 4.3.2, whose close/unbind of an ipc://* binding left the generated tmpXXXXXX directory behind",
  clauses: ["compat.libzmq.wildcard-cleanup"],
  caughtBy: ["wildcard.close-removes-file-and-directory"],
  createSocket: handMadeWildcard(
    () => wildcardParent(),
    (_dir, socketPath) => fs.rmSync(socketPath, { force: true }),
  ),
};

export const unbindLiteralStarAccepted: Fault = {
  id: "unbind-literal-star-accepted",
  mirrors:
    "an implementation that files a wildcard binding under the endpoint as written (ipc://*); libzmq answers ENOENT and unbinds only through ZMQ_LAST_ENDPOINT",
  clauses: ["compat.libzmq.unbind-wildcard-literal"],
  caughtBy: ["wildcard.unbind-literal-star-fails"],
  createSocket: wrapping((socket) => ({
    ...socket,
    unbind: async (endpoint) => {
      const last = await socket.lastEndpoint();
      return socket.unbind(isWildcard(endpoint) && last !== null ? last : endpoint);
    },
  })),
};
