/**
 * Renders a report.json as report.html and takes a full-page PNG of it with Debian's chromium,
 * to look at the report's design (or attach it to a pull request) without opening a browser.
 *
 *   npx ts-node --transpile-only scripts/report-screenshot.ts [report.json] [out.png]
 *
 * Defaults: out/report.json -> out/report.png. Exit code 2 when chromium or the report is missing.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

import { CHROMIUM_PATH, chromiumInstalled, launchChromium } from "./chromium";
import { withClauses } from "../harness/report/embed-clauses";
import { renderHtml } from "../harness/report/html-report";
import type { Report } from "../harness/report/report-json";
import { validateReport } from "../harness/report/validate-report";

async function main(): Promise<number> {
  const input = path.resolve(process.argv[2] ?? "out/report.json");
  const output = path.resolve(process.argv[3] ?? "out/report.png");
  if (!chromiumInstalled()) {
    process.stderr.write(`report-screenshot: no browser at ${CHROMIUM_PATH}: apt-get install -y chromium\n`);
    return 2;
  }
  const report = JSON.parse(fs.readFileSync(input, "utf8")) as unknown;
  const problems = validateReport(report);
  if (problems.length > 0) {
    process.stderr.write(`report-screenshot: ${input} is not a valid report.json: ${problems.slice(0, 5).join("; ")}\n`);
    return 2;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-screenshot-"));
  const browser = await launchChromium();
  try {
    const page = path.join(dir, "report.html");
    fs.writeFileSync(page, renderHtml(withClauses(report as Report)));
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await tab.goto(pathToFileURL(page).href);
    fs.mkdirSync(path.dirname(output), { recursive: true });
    await tab.screenshot({ path: output, fullPage: true });
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${output}\n`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err: Error) => {
    process.stderr.write(`report-screenshot: ${err.stack ?? err.message}\n`);
    process.exitCode = 2;
  },
);
