import type { Capability } from "../model/capability";
import type { Implementation, SocketType, TestSocketOptions } from "../model/implementation";
import { SOCKET_CLASS } from "./socket-classes";
import { wrapZeromqLike, type ZeromqLikeSocket } from "./zeromq-like-socket";
import { spawnChildImplementation } from "./child-implementation";

type SocketConstructor = new (options?: Record<string, unknown>) => ZeromqLikeSocket;

export interface InProcessDescription {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly capabilities: readonly Capability[];
  /** The module whose exports are zeromq.js-style socket classes (Push, Pull, ...). */
  loadModule(): Record<string, unknown>;
}

/** An implementation with zeromq.js's API, loaded into this process. */
export function inProcessImplementation(description: InProcessDescription): Implementation {
  return {
    id: description.id,
    name: description.name,
    version: description.version,
    capabilities: description.capabilities,
    async createSocket(type: SocketType, options: TestSocketOptions = {}) {
      const Class = description.loadModule()[SOCKET_CLASS[type]] as SocketConstructor | undefined;
      if (Class === undefined) throw new Error(`${description.id} has no ${SOCKET_CLASS[type]} class`);
      return wrapZeromqLike(new Class({ ...options }), type);
    },
    spawnProcess: (options) => spawnChildImplementation(description.id, options),
  };
}
