import type { Implementation, SocketType, TestSocket, TestSocketOptions } from "../model/implementation";
import type { Capability } from "../model/capability";
import { TEST_FAULTS, type WireFault } from "../../reference/testing/faults";

/** How sockets are made: the healthy implementation's createSocket, handed to a fault. */
export type SocketMaker = (type: SocketType, options?: TestSocketOptions) => Promise<TestSocket>;

/**
 * A fault: a change to how an implementation's sockets behave, mirroring a real-world bug.
 * Test-only: used to prove that the suites catch broken implementations (`npm run faults`).
 */
export interface Fault {
  readonly id: string;
  /** The real-world bug it mirrors, where there is one. */
  readonly mirrors: string;
  /**
   * The spec clauses the fault breaks. A scenario catches the fault only with a non-pass outcome
   * AND one of these as its `clause` or among its `alsoChecks`: a scenario that fails for some
   * unrelated reason proves nothing about this fault.
   */
  readonly clauses: readonly string[];
  /** Scenario IDs that must catch it (the faults command may discover more). */
  readonly caughtBy: readonly string[];
  /** Capabilities the faulty implementation no longer declares (JeroMQ declares no socket file). */
  readonly withdraws?: readonly Capability[];
  /** Makes one faulty socket from the healthy implementation's socket maker. */
  createSocket(healthy: SocketMaker, type: SocketType, options?: TestSocketOptions): Promise<TestSocket>;
}

/** A fault definition whose sockets are the healthy ones seen through `wrap`. */
export function wrapping(wrap: (socket: TestSocket) => TestSocket): Fault["createSocket"] {
  return async (healthy, type, options) => wrap(await healthy(type, options));
}

/**
 * A fault switched on inside the reference (reference/testing/faults.ts): the wire-level faults,
 * which no wrapper around the socket API can reach. The symbol-keyed option travels through the
 * in-process adapter's option spread into the reference socket's constructor.
 */
export function switchedOn(fault: WireFault): Fault["createSocket"] {
  return (healthy, type, options) => healthy(type, { ...options, [TEST_FAULTS]: [fault] } as TestSocketOptions);
}

/** `base` (the reference) with one fault switched on. */
export function withFault(base: Implementation, fault: Fault): Implementation {
  const withdrawn = new Set<Capability>(["child-process", ...(fault.withdraws ?? [])]);
  return {
    ...base,
    id: `${base.id}+${fault.id}`,
    name: `${base.name} with fault ${fault.id}`,
    // A child process would run the healthy reference: scenarios needing one are unsupported.
    capabilities: base.capabilities.filter((c) => !withdrawn.has(c)),
    createSocket: (type, options) => fault.createSocket((t, o) => base.createSocket(t, o), type, options),
    spawnProcess: undefined,
  };
}
