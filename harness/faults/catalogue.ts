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

/** A queue that now and then loses a message it accepted: every 100th send is reported sent and never queued. */
export const losesAcceptedMessages: Fault = {
  id: "loses-accepted-messages",
  mirrors: "a pipe that drops a message it had accepted (JeroMQ 0.3.6 losing the last message after a disconnect, endpoint-lifecycle.disconnect-stops-delivery)",
  caughtBy: ["delivery.before-bind-exactly-once-in-order", "delivery.during-reconnect-exactly-once-in-order"],
  wrap: (socket) => {
    let sends = 0;
    return {
      ...socket,
      send: async (frames) => {
        if (++sends % 100 === 0) return;
        return socket.send(frames);
      },
    };
  },
};

/** At-least-once instead of exactly-once: the 150th send goes out twice, as a resend after a reconnect would. */
export const duplicatesAMessage: Fault = {
  id: "duplicates-a-message",
  mirrors: "an implementation that resends what it had already written when a connection is remade",
  caughtBy: ["delivery.before-bind-exactly-once-in-order", "delivery.during-reconnect-exactly-once-in-order"],
  wrap: (socket) => {
    let sends = 0;
    return {
      ...socket,
      send: async (frames) => {
        await socket.send(frames);
        if (++sends === 150) await socket.send(frames);
      },
    };
  },
};

export const FAULTS: readonly Fault[] = [truncatesLongPaths, refusesOverride, unlinksOnCloseAfterOverride, losesAcceptedMessages, duplicatesAMessage];
