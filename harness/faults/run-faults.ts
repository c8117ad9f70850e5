import { referenceImplementation } from "../adapters/reference-adapter";
import type { Scenario } from "../model/scenario";
import { timeoutMultiplier } from "../runner/limits";
import type { RunSettings } from "../runner/run-scenario";
import { platformLimits } from "../model/platform-limits";
import { IN_PLACE_SCENARIOS } from "../../suites";
import type { Fault } from "./faulty-implementation";
import { HealthyBaseline, checksClauseOf, judgeFault, type FaultVerdict } from "./judge-fault";

/**
 * The robustness suite floods and churns connections for tens of seconds per scenario; it is
 * run against a fault only where the fault names one of its scenarios, to keep the command short.
 */
const SLOW_SUITES = new Set(["robustness"]);

/**
 * What is run against a fault: its declared catchers, and every in-place scenario that checks
 * one of its clauses (so the command finds catches the catalogue does not claim).
 */
export function scenariosFor(fault: Fault, all: readonly Scenario[] = IN_PLACE_SCENARIOS): Scenario[] {
  return all.filter((s) => fault.caughtBy.includes(s.id) || (checksClauseOf(s, fault) && !SLOW_SUITES.has(s.suite)));
}

/** The catalogue's own mistakes: a declared catcher that does not exist or checks none of the fault's clauses. */
export function catalogueErrors(faults: readonly Fault[], all: readonly Scenario[] = IN_PLACE_SCENARIOS): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  for (const fault of faults) {
    if (ids.has(fault.id)) errors.push(`fault ${fault.id} is listed twice`);
    ids.add(fault.id);
    if (fault.caughtBy.length === 0) errors.push(`fault ${fault.id} names no scenario that catches it`);
    for (const id of fault.caughtBy) {
      const scenario = all.find((s) => s.id === id);
      if (scenario === undefined) errors.push(`fault ${fault.id}: no in-place scenario ${id}`);
      else if (!checksClauseOf(scenario, fault)) errors.push(`fault ${fault.id}: ${id} checks ${scenario.clause}, none of the fault's clauses`);
    }
  }
  return errors;
}

export function hostSettings(): RunSettings {
  return { platformId: "host", platform: platformLimits(), multiplier: timeoutMultiplier() };
}

/** Judges every fault in turn (scenarios share process-wide state such as the environment: one at a time). */
export async function runFaults(
  faults: readonly Fault[],
  onVerdict: (verdict: FaultVerdict) => void = () => undefined,
  select: (fault: Fault) => readonly Scenario[] = (fault) => scenariosFor(fault),
): Promise<FaultVerdict[]> {
  const reference = referenceImplementation();
  const settings = hostSettings();
  const baseline = new HealthyBaseline(reference, settings);
  const verdicts: FaultVerdict[] = [];
  for (const fault of faults) {
    const verdict = await judgeFault(fault, select(fault), reference, baseline, settings);
    onVerdict(verdict);
    verdicts.push(verdict);
  }
  return verdicts;
}

/** One fault's lines of the report. */
export function describeVerdict(verdict: FaultVerdict): string {
  const { fault } = verdict;
  const witnesses = new Set(verdict.catches.map((c) => c.scenario)).size;
  const head = `${verdict.status.toUpperCase().padEnd(12)} ${fault.id} (${verdict.ran} scenarios run, caught by ${witnesses})`;
  const lines = [head, `    mirrors: ${fault.mirrors}`];
  for (const c of verdict.catches) {
    lines.push(`    caught: ${c.outcome.padEnd(10)} ${c.scenario}${c.roles === "faulty" ? "" : ` [${c.roles}]`}: ${c.summary.slice(0, 160)}`);
  }
  if (verdict.catches.length === 0 && verdict.status !== "not-runnable") lines.push("    no scenario checking its clauses flagged it");
  for (const e of verdict.errors) lines.push(`    ERROR:  ${e.scenario}${e.roles === "faulty" ? "" : ` [${e.roles}]`}: ${e.summary.slice(0, 200)}`);
  if (verdict.status !== "not-runnable") for (const id of verdict.declaredMisses) lines.push(`    declared but did not catch it: ${id}`);
  if (verdict.note !== undefined) lines.push(`    ${verdict.note}`);
  return lines.join("\n");
}

/**
 * The closing lines and the exit code: 0 when every fault that can be run here is caught, 1
 * otherwise, 2 when a run ended in `error` (a broken fault definition or harness: the verdict
 * cannot be trusted). Faults whose scenarios cannot run on this host are listed apart and not counted:
 * neither caught (that would be a fake catch) nor missed (no scenario could look).
 */
export function summarise(verdicts: readonly FaultVerdict[]): { lines: string[]; exitCode: 0 | 1 | 2 } {
  const runnable = verdicts.filter((v) => v.status !== "not-runnable");
  const caught = runnable.filter((v) => v.status === "caught").length;
  const lines: string[] = [];
  const notRunnable = verdicts.filter((v) => v.status === "not-runnable").map((v) => v.fault.id);
  if (notRunnable.length > 0) lines.push(`not runnable here (not counted): ${notRunnable.join(", ")}`);
  const missed = runnable.filter((v) => v.status !== "caught").map((v) => v.fault.id);
  if (missed.length > 0) lines.push(`missed: ${missed.join(", ")}`);
  const broken = verdicts.filter((v) => v.errors.length > 0).map((v) => v.fault.id);
  if (broken.length > 0) lines.push(`harness errors while running: ${broken.join(", ")}`);
  // Depth: a fault that a single scenario catches goes through the day that scenario changes.
  const single = runnable.filter((v) => v.status === "caught" && new Set(v.catches.map((c) => c.scenario)).size === 1).map((v) => v.fault.id);
  lines.push(`caught by one scenario only (${single.length}): ${single.length > 0 ? single.join(", ") : "none"}`);
  lines.push(`caught ${caught}/${runnable.length} faults`);
  if (broken.length > 0) return { lines, exitCode: 2 };
  return { lines, exitCode: caught === runnable.length && runnable.length > 0 ? 0 : 1 };
}
