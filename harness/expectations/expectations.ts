import * as fs from "node:fs";
import * as path from "node:path";
import type { Outcome } from "../model/outcome";
import type { Scenario } from "../model/scenario";

/**
 * What an implementation is expected to do where it does not simply pass: a file per
 * implementation in fixtures/expectations/<id>.json mapping scenario IDs to outcomes, with the
 * reason. A scenario that is not listed is expected to pass (INFO scenarios: informational).
 */
export interface ExpectationEntry {
  outcome: Outcome | Outcome[];
  reason: string;
}

export interface ExpectationFile {
  implementation: string;
  scenarios: Record<string, ExpectationEntry>;
}

export const EXPECTATIONS_DIR = path.join(__dirname, "..", "..", "..", "fixtures", "expectations");

export function loadExpectations(implementationId: string, dir = expectationsDir()): ExpectationFile {
  const file = path.join(dir, `${implementationId}.json`);
  if (!fs.existsSync(file)) return { implementation: implementationId, scenarios: {} };
  return JSON.parse(fs.readFileSync(file, "utf8")) as ExpectationFile;
}

export function expectedOutcomes(scenario: Scenario, expectations: ExpectationFile): Outcome[] {
  const entry = expectations.scenarios[scenario.id];
  if (entry !== undefined) return Array.isArray(entry.outcome) ? entry.outcome : [entry.outcome];
  return [scenario.level === "INFO" ? "informational" : "pass"];
}

/** fixtures/expectations, whether running from the TS sources or from dist/. */
function expectationsDir(): string {
  for (const candidate of [path.join(__dirname, "..", "..", "fixtures", "expectations"), EXPECTATIONS_DIR]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return EXPECTATIONS_DIR;
}
