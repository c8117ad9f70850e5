import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { PlatformIpc } from "../../reference/endpoint/platform-limits";
import { ImplementationError, type Implementation } from "../adapters/implementation";
import type { Level, Scenario } from "../model/scenario";
import type { Outcome } from "../model/outcome";
import { DriverFault } from "../driver/driver-connection";
import type { ContainerSites } from "../platforms/sites";
import { ScenarioContext } from "./context";
import { SCENARIO_LIMIT_MS } from "./limits";
import type { ResultRow } from "./result";
import { ScenarioTimeout, Skipped, Unsupported, Violation } from "./verdicts";

export interface Roles {
  readonly binder: Implementation;
  readonly connecter: Implementation;
}

export interface RunSettings {
  /** The platform id in the report ("host", "linux-debian12", ...). */
  readonly platformId: string;
  readonly platform: PlatformIpc;
  readonly multiplier: number;
  /** Containers for "separate-containers" scenarios (container platforms only). */
  readonly sites?: ContainerSites;
}

/** What a broken check costs at each level. */
const MISSED: Record<Level, Outcome> = { MUST: "fail", SHOULD: "non-strict", COMPAT: "non-strict", INFO: "informational" };

/**
 * Runs one scenario once: its own temporary directory, a hard limit, and cleanup whatever
 * happens. Never throws: every fault becomes an outcome in the returned row.
 */
export async function runScenario(scenario: Scenario, roles: Roles, settings: RunSettings): Promise<Omit<ResultRow, "expected">> {
  const started = performance.now();
  const row = (outcome: Outcome, summary: string, ctx?: ScenarioContext): Omit<ResultRow, "expected"> => ({
    scenario: scenario.id,
    suite: scenario.suite,
    clause: scenario.clause,
    level: scenario.level,
    title: scenario.title,
    ...(scenario.roles === "pair"
      ? { binder: roles.binder.id, connecter: roles.connecter.id }
      : { implementation: roles.binder.id }),
    platform: settings.platformId,
    outcome,
    observed: { summary, checks: ctx?.checks ?? [], values: ctx?.observations ?? {} },
    durationMs: Math.round(performance.now() - started),
  });

  if (scenario.platforms !== undefined && !scenario.platforms.includes(settings.platform.name)) {
    return row("skipped", `applies to ${scenario.platforms.join(", ")} only; this platform is ${settings.platform.name}`);
  }
  for (const capability of scenario.requires ?? []) {
    for (const implementation of new Set([roles.binder, roles.connecter])) {
      if (!implementation.capabilities.includes(capability)) {
        return row("unsupported", `${implementation.id} does not declare the capability "${capability}"`);
      }
    }
  }

  if (scenario.needs?.includes("separate-containers") && settings.sites === undefined) {
    return row("skipped", "needs separate containers: runs only on a container platform (--platform linux-debian12 or linux-debian13)");
  }
  // On a shared volume, the containers' non-root user must be able to bind in the directory.
  const dir = fs.mkdtempSync(path.join(settings.sites?.sharedDir ?? os.tmpdir(), "zic-"));
  if (settings.sites !== undefined) fs.chmodSync(dir, 0o777);
  const ctx = new ScenarioContext(dir, roles.binder, roles.binder, roles.connecter, settings.platform, settings.multiplier, scenario.exclusive === true, settings.sites);
  const limit = Math.round((scenario.timeoutMs ?? SCENARIO_LIMIT_MS) * settings.multiplier);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      scenario.run(ctx),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ScenarioTimeout(`no verdict within ${limit} ms`)), limit);
      }),
    ]);
    const outcome: Outcome = scenario.level === "INFO" ? "informational" : "pass";
    return row(outcome, outcome === "pass" ? "every check held" : "recorded", ctx);
  } catch (err) {
    const [outcome, summary] = classify(err, scenario.level);
    return row(outcome, summary, ctx);
  } finally {
    clearTimeout(timer);
    await ctx.dispose().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function classify(err: unknown, level: Level): [Outcome, string] {
  if (err instanceof Violation) return [MISSED[level], err.message];
  if (err instanceof Unsupported) return ["unsupported", err.message];
  if (err instanceof Skipped) return ["skipped", err.message];
  if (err instanceof ScenarioTimeout) return ["timeout", err.message];
  // A call the implementation refused where the scenario expected it to work.
  if (err instanceof ImplementationError) return [MISSED[level], `unexpected error from the implementation: ${err.message}`];
  // A driver that broke the protocol: its fault, reported with its stderr, never the implementation's verdict.
  if (err instanceof DriverFault) return ["error", err.message];
  return ["error", `harness error: ${(err as Error)?.stack ?? String(err)}`];
}
