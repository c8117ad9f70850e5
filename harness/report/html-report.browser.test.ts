import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { CHROMIUM_PATH, chromiumInstalled, launchChromium } from "../../scripts/chromium";
import { clauseById } from "../../fixtures/spec";
import { withClauses } from "./embed-clauses";
import { renderHtml } from "./html-report";
import { sampleReport, sampleRows } from "./__tests__/sample-report";

/**
 * report.html in a real browser: the matrix renders, the filters hide rows, a click opens the
 * drill-down. Needs Debian's chromium (apt-get install -y chromium).
 *
 * Jest has no runtime skip, so this is ONE test that checks chromium first: under CI
 * (CI=true) a missing chromium FAILS the test, naming the package to install; on a developer's
 * machine it logs a warning and returns, so `npx jest` stays usable without a browser. The
 * warning is the only trace of that case: read it.
 */
test("report.html renders, filters and drills down in chromium", async () => {
  if (!chromiumInstalled()) {
    const message = `no chromium at ${CHROMIUM_PATH}: apt-get install -y chromium`;
    if (process.env.CI === "true") throw new Error(`${message} (required under CI)`);
    console.warn(`html-report.browser.test: NOT RUN: ${message}`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-browser-"));
  const file = path.join(dir, "report.html");
  fs.writeFileSync(file, renderHtml(withClauses(sampleReport())));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("dialog", (d) => problems.push(`a script ran: ${d.type()} ${d.message()}`)); // the <script> in a summary
    page.on("request", (r) => {
      if (!r.url().startsWith("file:")) problems.push(`network request: ${r.url()}`);
    });
    await page.goto(pathToFileURL(file).href);

    // The matrix: one cell per row, every scenario row visible.
    const rows = sampleRows();
    const scenarios = new Set(rows.map((r) => r.scenario));
    expect(await page.locator("button.c").count()).toBe(rows.length);
    expect(await page.locator("table.matrix tbody tr:visible").count()).toBe(scenarios.size);
    expect(await page.locator("#shown").textContent()).toBe(`${scenarios.size} of ${scenarios.size} scenarios shown`);

    // Only "fail": the rows without a fail hide, and so do the suites left empty.
    for (const box of await page.locator('input[name="outcome"]').all()) {
      if ((await box.getAttribute("value")) !== "fail") await box.uncheck();
    }
    const failing = new Set(rows.filter((r) => r.outcome === "fail").map((r) => r.scenario));
    expect(await page.locator("table.matrix tbody tr:visible").count()).toBe(failing.size);
    expect(await page.locator("section.suite:visible").count()).toBe(1);

    // The text filter on scenario id, with every outcome back on.
    for (const box of await page.locator('input[name="outcome"]').all()) await box.check();
    await page.fill("#f-text", "ABSTRACT");
    expect(await page.locator("table.matrix tbody tr:visible").count()).toBe(1);
    await page.fill("#f-text", "");

    // The drill-down of the failing cell: clause text, expected vs observed, checks, rerun command.
    await page.locator('button.c[data-o="fail"]').click();
    const dialog = page.locator("dialog#drill");
    await expect(dialog.isVisible()).resolves.toBe(true);
    expect(await dialog.locator("h3").textContent()).toBe("endpoint-syntax.nul-byte-einval");
    expect(await dialog.locator("blockquote.clause-text").textContent()).toBe(clauseById("api.bind.error.einval")!.text);
    expect(await dialog.locator(".tag.unexpected").textContent()).toBe("UNEXPECTED");
    expect(await dialog.locator("pre.summary").textContent()).toContain("<script>alert(1)</script>");
    expect(await dialog.locator("table.checks tr.bad").count()).toBe(1);
    expect(await dialog.locator("pre.rerun").textContent()).toBe(
      "npx zmq-ipc-conformance run --impl libzmq --scenario endpoint-syntax.nul-byte-einval --platform host --out out/rerun/endpoint-syntax.nul-byte-einval",
    );
    expect(await dialog.locator("p.because").textContent()).toBe("expected pass: no expectations entry for it, so pass (the default)");
    await dialog.locator("button.close").click();
    await expect(dialog.isVisible()).resolves.toBe(false);

    // A known non-pass: the expectation's reason, where it is written, and its link.
    await page.locator('button.c[data-o="non-strict"]').click();
    expect(await dialog.locator("p.because").textContent()).toBe("expected non-strict: libzmq unlinks whatever is at the path before binding (fixtures/expectations/libzmq.json:4)");
    expect(await dialog.locator('a[href="https://github.com/zeromq/libzmq/issues/2764"]').count()).toBe(1);
    await dialog.locator("button.close").click();

    // A row with a wire trace shows it preformatted.
    await page.locator('button.c[data-o="informational"]').click();
    expect(await dialog.locator("pre.trace").textContent()).toBe("-> ff 00 00 00 00 00 00 00 01 7f\n<- ff 00 00 00 00 00 00 00 01 7f");

    await dialog.locator("button.close").click();

    // The header's list of unexpected results opens the same drill-down.
    const unexpected = rows.filter((r) => !r.expected.includes(r.outcome));
    expect(await page.locator("button.jump").count()).toBe(unexpected.length);
    await page.locator("button.jump").first().click();
    expect(await dialog.locator("h3").textContent()).toBe(unexpected[0].scenario);

    expect(problems).toEqual([]);
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
