import type { Implementation, TestSocket } from "../adapters/implementation";

/**
 * A fault: a change to how an implementation's sockets behave, mirroring a real-world bug.
 * Test-only: used to prove that the suites catch broken implementations.
 */
export interface Fault {
  readonly id: string;
  /** The real-world bug it mirrors. */
  readonly mirrors: string;
  /** Scenario IDs expected to flag it (a non-pass outcome). */
  readonly caughtBy: readonly string[];
  wrap(socket: TestSocket): TestSocket;
}

/** `base` with one fault switched on. */
export function withFault(base: Implementation, fault: Fault): Implementation {
  return {
    ...base,
    id: `${base.id}+${fault.id}`,
    name: `${base.name} with fault ${fault.id}`,
    async createSocket(type, options) {
      return fault.wrap(await base.createSocket(type, options));
    },
    spawnProcess: undefined,
  };
}
