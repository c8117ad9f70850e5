import type { PlatformName } from "../../reference/endpoint/platform-limits";
import type { ScenarioContext } from "../runner/context";
import type { Capability } from "./capability";

/**
 * How binding a scenario's result is (design.md): MUST and SHOULD come from the spec's text;
 * COMPAT is de-facto libzmq behaviour other software relies on; INFO is only recorded.
 */
export type Level = "MUST" | "SHOULD" | "COMPAT" | "INFO";

export const SUITES = [
  "bind-override",
  "wildcard",
  "path-length",
  "connect-before-bind",
  "abstract-namespace",
  "endpoint-lifecycle",
  "endpoint-syntax",
  "interop",
  "zmtp-wire",
  "delivery",
  "isolation",
  "robustness",
  "socket-state",
  "subscriptions",
  "options",
] as const;
export type SuiteName = (typeof SUITES)[number];

export type PlatformFeature = "separate-containers";

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

export type ScenarioDefinition = Omit<Scenario, "roles"> & { roles?: Scenario["roles"] };

/** Fills the defaults, so a scenario file states only what is particular to it. */
export function scenario(definition: ScenarioDefinition): Scenario {
  return { roles: "single", ...definition };
}

/** Whether one process can run the scenario by itself (every platform); the others need separate containers. */
export function runsInPlace(scenario: Scenario): boolean {
  return !scenario.needs?.includes("separate-containers");
}
