import * as path from "node:path";
import { implementationById } from "../adapters/registry";
import type { Implementation } from "../adapters/implementation";
import { expectedOutcomes, loadExpectations } from "../expectations/expectations";
import type { Scenario } from "../model/scenario";
import { buildReport, writeReportJson } from "../report/report-json";
import { runMatrix } from "../runner/run-matrix";
import type { ResultRow } from "../runner/result";
import { selectScenarios, UsageError } from "./select-scenarios";

export interface RunOptions {
  implementations: string[];
  suites: string[];
  scenarios: string[];
  out: string;
  multiplier?: number;
  log: (line: string) => void;
}

export interface RunSummary {
  rows: ResultRow[];
  unexpected: ResultRow[];
  reportFile: string;
}

const PARTIAL_EVERY = 25;

/** Runs the selected scenarios, writing report.json (partial ones as it goes) into `out`. */
export async function runCommand(all: readonly Scenario[], options: RunOptions): Promise<RunSummary> {
  const implementations: Implementation[] = options.implementations.map((id) => {
    try {
      return implementationById(id);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  });
  const scenarios = selectScenarios(all, options.suites, options.scenarios);
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const expectations = new Map(implementations.map((impl) => [impl.id, loadExpectations(impl.id)]));
  const rows: ResultRow[] = [];
  const out = path.resolve(options.out);
  const write = (partial: boolean) => writeReportJson(out, buildReport(implementations, rows, partial));

  options.log(`running ${scenarios.length} scenarios against ${implementations.map((i) => `${i.id} ${i.version}`).join(", ")}`);
  await runMatrix(scenarios, {
    implementations,
    multiplier: options.multiplier,
    onResult: (row) => {
      const scenario = byId.get(row.scenario)!;
      // Pair rows are held to the binder's expectations, then the connecter's.
      const owner = row.implementation ?? row.binder!;
      const expected = expectedOutcomes(scenario, expectations.get(owner)!);
      const full: ResultRow = { ...row, expected };
      rows.push(full);
      const who = row.implementation ?? `${row.binder}->${row.connecter}`;
      const mark = expected.includes(row.outcome) ? "" : "  UNEXPECTED";
      options.log(`${row.outcome.padEnd(13)} ${row.scenario} [${who}] ${row.durationMs}ms${mark}`);
      if (rows.length % PARTIAL_EVERY === 0) write(true);
    },
  });
  const reportFile = write(false);
  const unexpected = rows.filter((row) => !row.expected.includes(row.outcome));
  return { rows, unexpected, reportFile };
}
