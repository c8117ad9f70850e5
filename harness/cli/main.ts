#!/usr/bin/env node
/**
 * zmq-ipc-conformance: run the ipc conformance suites and write the reports.
 * Exit codes (design.md): 0 nothing unexpected; 1 unexpected results; 2 usage, harness or
 * environment error. Never a count.
 */
import { parseArgs } from "node:util";
import { ALL_SCENARIOS } from "../../suites";
import { runCommand } from "./run-command";
import { UsageError, selectScenarios } from "./select-scenarios";

const HELP = `Usage: zmq-ipc-conformance <command> [options]

Commands:
  run     Run scenarios against implementations and write DIR/report.json
  list    List scenario IDs with suite, level and clause

Options for run:
  --impl NAME[,NAME]          implementations (default: reference,libzmq)
  --suite NAME[,NAME]         only these suites
  --scenario ID|GLOB[,...]    only these scenarios (e.g. 'bind-override.*')
  --out DIR                   where reports go (default: ./out)
  --timeout-multiplier N      scale every limit (slow machines)
Options for list:
  --suite, --scenario         filters as above
  --help                      this text

Exit codes: 0 nothing unexpected, 1 unexpected results, 2 usage/harness/environment error.`;

const list = (value: string | undefined): string[] => (value ? value.split(",").map((s) => s.trim()).filter(Boolean) : []);

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(`${HELP}\n`);
    return command === undefined ? 2 : 0;
  }
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      impl: { type: "string" },
      suite: { type: "string" },
      scenario: { type: "string" },
      out: { type: "string" },
      "timeout-multiplier": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  switch (command) {
    case "list": {
      for (const s of selectScenarios(ALL_SCENARIOS, list(values.suite), list(values.scenario))) {
        process.stdout.write(`${s.id}\t${s.suite}\t${s.level}\t${s.clause}\n`);
      }
      return 0;
    }
    case "run": {
      let multiplier: number | undefined;
      if (values["timeout-multiplier"] !== undefined) {
        multiplier = Number(values["timeout-multiplier"]);
        if (!Number.isFinite(multiplier) || multiplier <= 0) {
          throw new UsageError(`--timeout-multiplier must be a positive number, got "${values["timeout-multiplier"]}"`);
        }
      }
      const summary = await runCommand(ALL_SCENARIOS, {
        implementations: list(values.impl ?? "reference,libzmq"),
        suites: list(values.suite),
        scenarios: list(values.scenario),
        out: values.out ?? "out",
        multiplier,
        log: (line) => process.stdout.write(`${line}\n`),
      });
      const counts = new Map<string, number>();
      for (const row of summary.rows) counts.set(row.outcome, (counts.get(row.outcome) ?? 0) + 1);
      process.stdout.write(`\n${[...counts].map(([k, v]) => `${v} ${k}`).join(", ")}; ${summary.unexpected.length} unexpected\n`);
      process.stdout.write(`report: ${summary.reportFile}\n`);
      return summary.unexpected.length === 0 ? 0 : 1;
    }
    default:
      throw new UsageError(`unknown command "${command}" (try --help)`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error & { code?: string }) => {
    const usage = err instanceof UsageError || (typeof err.code === "string" && err.code.startsWith("ERR_PARSE_ARGS"));
    process.stderr.write(`zmq-ipc-conformance: ${usage ? err.message : (err.stack ?? err.message)}\n`);
    process.exitCode = 2;
  },
);
