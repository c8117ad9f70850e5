import { platformIpc, type PlatformIpc } from "../../reference/endpoint/platform-limits";
import type { Implementation } from "../adapters/implementation";
import type { Scenario } from "../model/scenario";
import { timeoutMultiplier } from "./limits";
import type { ResultRow } from "./result";
import { runScenario, type Roles } from "./run-scenario";

export interface MatrixOptions {
  readonly implementations: readonly Implementation[];
  readonly platformId?: string;
  readonly platform?: PlatformIpc;
  readonly multiplier?: number;
  /** Called with each row as soon as it is known (progress output, partial reports). */
  readonly onResult?: (row: Omit<ResultRow, "expected">) => void;
}

/** The runs a scenario needs: once per implementation, or once per binder x connecter pair. */
export function expandRoles(scenario: Scenario, implementations: readonly Implementation[]): Roles[] {
  if (scenario.roles === "single") return implementations.map((impl) => ({ binder: impl, connecter: impl }));
  return implementations.flatMap((binder) => implementations.map((connecter) => ({ binder, connecter })));
}

/** Runs every scenario against every implementation (or pair), one at a time, in order. */
export async function runMatrix(scenarios: readonly Scenario[], options: MatrixOptions): Promise<Array<Omit<ResultRow, "expected">>> {
  const settings = {
    platformId: options.platformId ?? "host",
    platform: options.platform ?? platformIpc(),
    multiplier: options.multiplier ?? timeoutMultiplier(),
  };
  const rows: Array<Omit<ResultRow, "expected">> = [];
  for (const scenario of scenarios) {
    for (const roles of expandRoles(scenario, options.implementations)) {
      const row = await runScenario(scenario, roles, settings);
      rows.push(row);
      options.onResult?.(row);
    }
  }
  return rows;
}
