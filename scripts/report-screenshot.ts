/**
 * Renders a report.json as report.html and takes PNGs of it with Debian's chromium, to look at
 * the report's design (or attach it to a pull request) without opening a browser:
 *
 *   npx ts-node --transpile-only scripts/report-screenshot.ts [report.json] [out.png]
 *
 * out.png is the whole page, 1280 px wide. Beside it, out-matrix-1440.png and out-matrix-800.png:
 * a 1440 px and an 800 px wide window scrolled down into the interop matrix (the widest one when
 * there is no interop suite), at 800 px also to the right, where a reader checks that the sticky
 * header still names every column and the sticky scenario column every row.
 *
 * When a row carries a transcript (run --trace), out-drill.png shows the drill-down of one such
 * cell (a cell that did not pass first) scrolled to its transcript.
 *
 * Defaults: out/report.json -> out/report.png. Exit code 2 when chromium or the report is missing.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

import { CHROMIUM_PATH, chromiumInstalled, launchChromium } from "./chromium";
import { scrollIntoMatrix } from "./report-view";
import { withClauses } from "../harness/report/embed-clauses";
import { renderHtml } from "../harness/report/html-report";
import type { Report } from "../harness/report/report-json";
import { migrateReport, validateReport } from "../harness/report/validate-report";

async function main(): Promise<number> {
  const input = path.resolve(process.argv[2] ?? "out/report.json");
  const output = path.resolve(process.argv[3] ?? "out/report.png");
  if (!chromiumInstalled()) {
    process.stderr.write(`report-screenshot: no browser at ${CHROMIUM_PATH}: apt-get install -y chromium\n`);
    return 2;
  }
  const report = migrateReport(JSON.parse(fs.readFileSync(input, "utf8")));
  const problems = validateReport(report);
  if (problems.length > 0) {
    process.stderr.write(`report-screenshot: ${input} is not a valid report.json: ${problems.slice(0, 5).join("; ")}\n`);
    return 2;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-screenshot-"));
  const browser = await launchChromium();
  const written: string[] = [];
  try {
    const page = path.join(dir, "report.html");
    fs.writeFileSync(page, renderHtml(withClauses(report as Report)));
    fs.mkdirSync(path.dirname(output), { recursive: true });
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await tab.goto(pathToFileURL(page).href);
    await tab.screenshot({ path: output, fullPage: true });
    written.push(output);
    for (const width of [1440, 800]) {
      const view = await browser.newPage({ viewport: { width, height: 900 } });
      await view.goto(pathToFileURL(page).href);
      if ((await scrollIntoMatrix(view, { right: width < 1000 })) === undefined) break; // a report without results
      const file = output.replace(/(\.png)?$/i, `-matrix-${width}.png`);
      await view.screenshot({ path: file });
      written.push(file);
    }
    const traced = drilledRow(report as Report);
    if (traced !== undefined) {
      const view = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await view.goto(pathToFileURL(page).href);
      await view.locator(`button.c[data-i="${traced}"]`).click();
      // The transcript's heading at the top of the dialog: the exchange fills the window.
      await view.locator("dialog#drill h4", { hasText: "Transcript" }).evaluate((heading) => heading.scrollIntoView({ block: "start" }));
      const file = output.replace(/(\.png)?$/i, "-drill.png");
      await view.screenshot({ path: file });
      written.push(file);
    }
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(written.map((file) => `${file}\n`).join(""));
  return 0;
}

/** The index of the row whose drill-down is shown: the first with a transcript that did not pass, else the first with one. */
function drilledRow(report: Report): number | undefined {
  const rows = report.results;
  const withTranscript = (i: number) => (rows[i].transcript?.connections.length ?? 0) > 0;
  const indexes = rows.map((_, i) => i).filter(withTranscript);
  return indexes.find((i) => rows[i].outcome !== "pass") ?? indexes[0];
}

main().then(
  (code) => (process.exitCode = code),
  (err: Error) => {
    process.stderr.write(`report-screenshot: ${err.stack ?? err.message}\n`);
    process.exitCode = 2;
  },
);
