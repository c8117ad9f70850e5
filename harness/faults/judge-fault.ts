import type { Implementation } from "../model/implementation";
import type { Scenario } from "../model/scenario";
import type { Outcome } from "../model/outcome";
import { runScenario, type RunSettings } from "../runner/run-scenario";
import { withFault, type Fault } from "./faulty-implementation";

/** Outcomes that flag an implementation: a broken MUST, a missed SHOULD or COMPAT. */
export const CATCHING: ReadonlySet<Outcome> = new Set<Outcome>(["fail", "non-strict"]);
/** Outcomes that say the scenario could not be run here at all (not a verdict on anyone). */
const NOT_RUN: ReadonlySet<Outcome> = new Set<Outcome>(["unsupported", "skipped"]);

/** Whether a scenario checks one of the clauses a fault breaks. */
export function checksClauseOf(scenario: Scenario, fault: Fault): boolean {
  return [scenario.clause, ...(scenario.alsoChecks ?? [])].some((clause) => fault.clauses.includes(clause));
}

export interface Catch {
  readonly scenario: string;
  /** Which sides were faulty: "faulty" (single role or both), "faulty binder", "faulty connecter". */
  readonly roles: string;
  readonly outcome: Outcome;
  readonly summary: string;
}

export interface FaultVerdict {
  readonly fault: Fault;
  readonly status: "caught" | "missed" | "not-runnable";
  /** Non-pass outcomes on a matching clause, where the healthy reference passed. */
  readonly catches: readonly Catch[];
  /** Runs that ended in `error` (the harness's or the fault definition's own fault, never a catch). */
  readonly errors: readonly Catch[];
  /** Declared catchers that did not catch it (a catalogue that claims more than it shows). */
  readonly declaredMisses: readonly string[];
  /** How many scenarios were run against the fault. */
  readonly ran: number;
  readonly note?: string;
}

/**
 * The healthy reference's outcome per scenario, run once and shared by every fault: a catch
 * counts only where the unbroken reference passes, else the scenario proves nothing.
 */
export class HealthyBaseline {
  private readonly outcomes = new Map<string, Promise<Outcome>>();

  constructor(
    private readonly reference: Implementation,
    private readonly settings: RunSettings,
  ) {}

  outcome(scenario: Scenario): Promise<Outcome> {
    let outcome = this.outcomes.get(scenario.id);
    if (outcome === undefined) {
      const roles = { binder: this.reference, connecter: this.reference };
      outcome = runScenario(scenario, roles, this.settings).then((row) => row.outcome);
      this.outcomes.set(scenario.id, outcome);
    }
    return outcome;
  }
}

/**
 * Runs `scenarios` against the reference with `fault` switched on, and says whether the fault
 * was caught: at least one non-pass outcome on a scenario that checks one of its clauses and that
 * the healthy reference passes, and every declared catcher among them. Pair scenarios are run
 * faulty-to-faulty and faulty-to-healthy both ways, as interop with other implementations is
 * where a fault shows (a fake ipc reaches itself, never anyone else).
 */
export async function judgeFault(
  fault: Fault,
  scenarios: readonly Scenario[],
  reference: Implementation,
  baseline: HealthyBaseline,
  settings: RunSettings,
): Promise<FaultVerdict> {
  const faulty = withFault(reference, fault);
  const catches: Catch[] = [];
  const errors: Catch[] = [];
  // Not runnable: scenarios check its clauses but none of them could run here. With no such
  // scenario at all the fault is simply missed (nothing looks for it), never "not runnable".
  let anyMatching = false;
  let runnable = false;
  for (const scenario of scenarios) {
    const matching = checksClauseOf(scenario, fault);
    const combos =
      scenario.roles === "pair"
        ? [
            { roles: "faulty", binder: faulty, connecter: faulty },
            { roles: "faulty binder", binder: faulty, connecter: reference },
            { roles: "faulty connecter", binder: reference, connecter: faulty },
          ]
        : [{ roles: "faulty", binder: faulty, connecter: faulty }];
    for (const combo of combos) {
      const row = await runScenario(scenario, combo, settings);
      const summary = row.observed.summary.split("\n")[0];
      if (row.outcome === "error") errors.push({ scenario: scenario.id, roles: combo.roles, outcome: row.outcome, summary });
      if (!matching) continue;
      anyMatching = true;
      if (!NOT_RUN.has(row.outcome)) runnable = true;
      if (!CATCHING.has(row.outcome)) continue;
      if ((await baseline.outcome(scenario)) !== "pass") continue;
      catches.push({ scenario: scenario.id, roles: combo.roles, outcome: row.outcome, summary });
      break; // one combination is enough to show this scenario catches it
    }
  }
  const caughtBy = new Set(catches.map((c) => c.scenario));
  const declaredMisses = fault.caughtBy.filter((id) => !caughtBy.has(id));
  if (anyMatching && !runnable) {
    return {
      fault,
      status: "not-runnable",
      catches,
      errors,
      declaredMisses,
      ran: scenarios.length,
      note: "every scenario checking its clauses is unsupported or skipped on this host",
    };
  }
  const status = catches.length > 0 && declaredMisses.length === 0 ? "caught" : "missed";
  return { fault, status, catches, errors, declaredMisses, ran: scenarios.length };
}
