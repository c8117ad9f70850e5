import type { PlatformName } from "./platform-limits";
import type { ScenarioContext } from "./scenario-context";
import type { Capability } from "./capability";

/**
 * How binding a scenario's result is: MUST and SHOULD come from the spec's text;
 * COMPAT is de-facto libzmq behaviour other software relies on; INFO is only recorded.
 */
export const LEVELS = ["MUST", "SHOULD", "COMPAT", "INFO"] as const;
export type Level = (typeof LEVELS)[number];

/**
 * The suites, in report order: each is a folder of suites/ whose files are its scenarios (one
 * file per scenario, named after the id's last part, or one file per table-driven family),
 * found by suites/index.ts without a list to keep.
 */
export const SUITES = [
  "bind-override", // a second bind to a path takes it over; what the first binder and its peers see
  "wildcard", // ipc://* generates a unique path under the temporary directory
  "path-length", // the byte limit of sun_path, at it and one over it, in bytes not characters
  "connect-before-bind", // a connect succeeds before the bind and delivers once the path is bound
  "abstract-namespace", // Linux's ipc://@name: no file, its own limits, what libuv allows
  "endpoint-lifecycle", // unbind, close and rebind: what happens to the file and the connections
  "endpoint-syntax", // spellings of an endpoint: refused ones, kept ones, relative paths
  "interop", // every socket-type pair, binder and connecter from any two implementations
  "zmtp-wire", // ZMTP 3.x on the wire against a raw peer: greeting, handshake, framing, commands
  "delivery", // no lost data: what a socket accepted arrives once, in order; counted drops where the spec allows them
  "isolation", // containers (namespaces, shared volumes): run from the host on container platforms only
  "robustness", // attacks in a process of their own; the implementation must live and serve on, descriptors and memory at their baseline
  "socket-state", // what a socket type allows when (REQ/REP turns, EFSM) and at all (ENOTSUP)
  "subscriptions", // subscription bookkeeping through the API: XPUB verbosity, cancels, resubscribing after a restart
  "options", // each socket option of the driver protocol shown to change what an implementation does (zmq_setsockopt(3))
] as const;
export type SuiteName = (typeof SUITES)[number];

export type PlatformFeature = "separate-containers" | "harness-machine";

/**
 * One scenario, defined once and run both by jest and by the CLI (test262-style metadata plus
 * a run function, quic-interop-runner-style: one small definition per case).
 */
export interface Scenario {
  /** Stable name, `<suite>.<what-it-checks>`: never a position, so exclusion lists survive reordering. */
  readonly id: string;
  readonly suite: SuiteName;
  /** The clause ID in fixtures/spec/clauses.json whose sentence this checks. */
  readonly clause: string;
  /** Further clauses the same checks establish (e.g. the RFC sentence behind a libzmq behaviour). */
  readonly alsoChecks?: readonly string[];
  readonly level: Level;
  /** One line: what the scenario establishes when it passes. */
  readonly title: string;
  /** Where it applies; absent = every platform. */
  readonly platforms?: readonly PlatformName[];
  /**
   * What the platform must offer beyond a process: "separate-containers" scenarios are run from
   * the host against two or three containers of a container platform (a shared volume, own or
   * shared network namespaces). They are planned only for container platforms.
   * "harness-machine": the implementations must run where the harness runs, because the scenario
   * starts a second process of an implementation, binds a socket file the implementation connects
   * to (a raw listener), sets the umask, reads /proc, or measures kernel buffers a relay would add
   * to. On a remote machine (a FreeBSD guest) they are `skipped`, as expected there.
   */
  readonly needs?: readonly PlatformFeature[];
  /** Capabilities the implementation must declare; otherwise the outcome is `unsupported`. */
  readonly requires?: readonly Capability[];
  /**
   * "single": one implementation plays every role. "pair": run for each binder x connecter
   * combination of the implementations under test (ctx.binder / ctx.connecter).
   */
  readonly roles: "single" | "pair";
  /**
   * Changes process-wide state (environment variables, the working directory) for in-process
   * implementations: runs alone, never alongside another scenario under --jobs.
   */
  readonly exclusive?: boolean;
  /** Hard limit before the multiplier, in ms (default 8000). */
  readonly timeoutMs?: number;
  run(ctx: ScenarioContext): Promise<void>;
}

export type ScenarioDefinition = Omit<Scenario, "roles" | "suite"> & { roles?: Scenario["roles"] };

/**
 * Fills the defaults, so a scenario file states only what is particular to it. The suite is the
 * id's first part (one identity: the id names the suite, the file and the scenario).
 */
export function scenario(definition: ScenarioDefinition): Scenario {
  return { roles: "single", ...definition, suite: suiteOf(definition.id) };
}

/** The suite an id names (`<suite>.<what-it-checks>`); an id outside every suite is a programming error. */
export function suiteOf(id: string): SuiteName {
  const suite = id.slice(0, id.indexOf("."));
  if (!(SUITES as readonly string[]).includes(suite)) throw new Error(`scenario id "${id}" does not start with a suite (${SUITES.join(", ")}) and a dot`);
  return suite as SuiteName;
}

/** Whether one process can run the scenario by itself (every platform); the others need separate containers. */
export function runsInPlace(scenario: Scenario): boolean {
  return !scenario.needs?.includes("separate-containers");
}
