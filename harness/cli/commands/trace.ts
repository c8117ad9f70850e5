import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describeOutcomes } from "../../model/outcome";
import type { Scenario } from "../../model/scenario";
import { whoLabel } from "../../report/row-facts";
import { transcriptText } from "../../report/transcript-text";
import type { RunRequest } from "../../runner/run-request";
import { executeRun, type RunOutcome } from "./run";

/**
 * `trace`: runs the selected cells with recording on (`run --trace all`) and prints each one's
 * outcome and transcript. Without --out its reports go to a temporary directory, removed
 * afterwards; with --out they are kept there, as `run` writes them.
 */
export async function traceCells(catalogue: readonly Scenario[], request: RunRequest, keepReports: boolean): Promise<RunOutcome> {
  const out = keepReports ? request.out : fs.mkdtempSync(path.join(os.tmpdir(), "zic-trace-"));
  try {
    const outcome = await executeRun(catalogue, { ...request, out, trace: "all" });
    for (const row of outcome.report.results) {
      request.log("");
      request.log(`${row.scenario} [${whoLabel(row)}] [${row.platform}]: ${describeOutcomes(row)}: ${row.observed.summary.split("\n")[0]}`);
      const text = row.transcript === undefined ? "transcript: none (the cell did not run)" : transcriptText(row.transcript);
      for (const line of text.split("\n")) request.log(line);
    }
    return outcome;
  } finally {
    if (!keepReports) fs.rmSync(out, { recursive: true, force: true });
  }
}
