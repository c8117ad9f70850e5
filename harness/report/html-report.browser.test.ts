import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { CHROMIUM_PATH, chromiumInstalled, launchChromium } from "../../scripts/chromium";
import { scrollIntoMatrix } from "../../scripts/report-view";
import { clauseById } from "../../fixtures/spec";
import { withClauses } from "./embed-clauses";
import { renderHtml } from "./html-report";
import { SIX_IMPLEMENTATIONS, sampleReport, sampleRows, sixImplementationsReport } from "./__tests__/sample-report";

/**
 * report.html in a real browser: the matrix renders, the filters hide rows, a click opens the
 * drill-down, and a wide matrix keeps its columns and rows named while scrolled. Needs Debian's
 * chromium (apt-get install -y chromium).
 *
 * Jest has no runtime skip, so each test checks chromium first: under CI (CI=true) a missing
 * chromium FAILS the test, naming the package to install; on a developer's machine it logs a
 * warning and returns, so `npx jest` stays usable without a browser. The warning is the only
 * trace of that case: read it.
 */
function chromiumHere(): boolean {
  if (chromiumInstalled()) return true;
  const message = `no chromium at ${CHROMIUM_PATH}: apt-get install -y chromium`;
  if (process.env.CI === "true") throw new Error(`${message} (required under CI)`);
  console.warn(`html-report.browser.test: NOT RUN: ${message}`);
  return false;
}

test("report.html renders, filters and drills down in chromium", async () => {
  if (!chromiumHere()) return;
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
    expect(await dialog.locator("p.because").textContent()).toBe(
      "expected non-strict: libzmq unlinks whatever is at the path before binding (fixtures/expectations/libzmq.json:4)",
    );
    expect(await dialog.locator('a[href="https://github.com/zeromq/libzmq/issues/2764"]').count()).toBe(1);
    await dialog.locator("button.close").click();

    // A row with a wire trace shows it preformatted.
    await page.locator('button.c[data-o="informational"]').click();
    expect(await dialog.locator("pre.trace").textContent()).toBe("-> ff 00 00 00 00 00 00 00 01 7f\n<- ff 00 00 00 00 00 00 00 01 7f");
    // ... and its transcript as a two-column exchange: the connecting end left, the implementation right.
    const exchange = dialog.locator("table.transcript");
    expect(await exchange.locator("th").allTextContents()).toEqual(["ms", "staged raw peer", "reference"]);
    type Node = { children: ArrayLike<Node>; textContent: string | null };
    const cells = await exchange
      .locator("tr:has(td)")
      .evaluateAll((trs) => (trs as unknown as Node[]).map((tr) => Array.from(tr.children).map((td) => (td.textContent ?? "").trim())));
    expect(cells[1]).toEqual(["2.0", "greeting cut short: 10 of 64 octets before the closeff 00 00 00 00 00 00 00 00 7f", ""]);
    expect(cells[2]).toEqual(["2.4", "", 'greeting ZMTP 3.1 mechanism "NULL" as-server 0ff 00 00 00 00 00 00 00 00 7f 03 01']);
    expect(await dialog.getByText("Left out by the bounds: 0 more connections, 3 more events.").count()).toBe(1);

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

// The functions given to page.evaluate run in the page; the project compiles without the DOM
// library, so the page's globals they use are declared here, for this module only.
declare const window: any;
declare const document: any;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
/** What a reader of one matrix sees, measured in the window's coordinates. */
interface MatrixView {
  window: { width: number; height: number; scrollX: number };
  bar: Box;
  table: Box;
  thead: Box;
  /** `hit`: the point at the centre of the cell (of its label for a column head) is the cell, nothing covers it there. */
  corner: Box & { hit: boolean };
  heads: Array<Box & { text: string; label: string; labelBox: Box; overflows: boolean; hit: boolean }>;
  /** The platforms' row, when there is one: `hit` at the centre of the platform's name. */
  platforms: Array<Box & { text: string; nameBox: Box; hit: boolean }>;
  rows: Array<{ head: Box & { text: string; overflows: boolean; hit: boolean }; cells: Array<Box & { i: number | null }> }>;
}

function matrixView(page: Page, suite: string): Promise<MatrixView> {
  return page.evaluate((suite: string) => {
    const box = (el: any): Box => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const hits = (el: any, b: Box): boolean => el.contains(document.elementFromPoint((b.left + b.right) / 2, (b.top + b.bottom) / 2));
    const overflows = (el: any): boolean => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight;
    const section: any = Array.from(document.querySelectorAll("section.suite")).find((s: any) => s.dataset.suite === suite);
    const table = section.querySelector("table.matrix");
    const corner = table.querySelector("thead th.scn");
    return {
      window: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight, scrollX: window.scrollX },
      bar: box(document.querySelector("nav.filters")),
      table: box(table),
      // The header's cells stick, not the thead element: the header is where they are.
      thead: Array.from(table.querySelectorAll("thead th"))
        .map(box)
        .reduce((a: Box, b: Box) => ({
          left: Math.min(a.left, b.left),
          top: Math.min(a.top, b.top),
          right: Math.max(a.right, b.right),
          bottom: Math.max(a.bottom, b.bottom),
        })),
      corner: { ...box(corner), hit: hits(corner, box(corner)) },
      heads: Array.from(table.querySelectorAll("thead th.who")).map((th: any) => {
        const label = th.querySelector(".vl");
        return {
          ...box(th),
          text: label.textContent,
          label: th.getAttribute("aria-label"),
          labelBox: box(label),
          overflows: overflows(th),
          hit: hits(th, box(label)),
        };
      }),
      platforms: Array.from(table.querySelectorAll("thead th.plat")).map((th: any) => {
        const name = th.querySelector("span");
        return { ...box(th), text: th.textContent, nameBox: box(name), hit: hits(th, box(name)) };
      }),
      rows: Array.from(table.tBodies[0].rows).map((tr: any) => {
        const th = tr.querySelector("th");
        return {
          head: { ...box(th), text: th.textContent, overflows: overflows(th), hit: hits(th, box(th)) },
          cells: Array.from(tr.querySelectorAll("td")).map((td: any) => {
            const button = td.querySelector("button.c");
            return { ...box(td), i: button === null ? null : Number(button.dataset.i) };
          }),
        };
      }),
    };
  }, suite);
}

/** Within half a pixel (sub-pixel layout), as a matcher. */
const px = (at: number) => expect.closeTo(at, 0);
const inside = (inner: Box, outer: Box) =>
  inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5 && inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5;

/**
 * Six implementations: 36 binder->connecter columns in the interop matrix, wider than either
 * window (72 on two platforms). Scrolled down into it (and right, at 800 px), every column in view
 * must still be named by its sticky head, and every row in view by its sticky scenario cell.
 */
test.each([
  { width: 1440, platforms: ["host"] },
  { width: 800, platforms: ["host"] },
  { width: 800, platforms: ["linux-debian12", "linux-debian13"] },
])("at $width px on $platforms, the interop matrix of six implementations keeps every column and row in view named", async ({ width, platforms }) => {
  if (!chromiumHere()) return;
  const report = sixImplementationsReport(platforms);
  const ids = SIX_IMPLEMENTATIONS.map((i) => i.id);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-browser-"));
  const file = path.join(dir, "report.html");
  fs.writeFileSync(file, renderHtml(withClauses(report)));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(pathToFileURL(file).href);
    const right = width < 1000;
    expect(await scrollIntoMatrix(page, { suite: "interop", right })).toBe("interop");
    const view = await matrixView(page, "interop");
    const { bar, thead, corner } = view;
    const win: Box = { left: 0, top: 0, right: view.window.width, bottom: view.window.height };

    // The page scrolled sideways (not a wrapper), and the filter bar stayed whole at the top.
    if (right) expect(view.window.scrollX).toBeGreaterThan(0);
    if (right) expect(view.table.left).toBeLessThan(0);
    expect(view.table.top).toBeLessThan(bar.bottom); // scrolled past the table's top: the header can only be there by sticking
    expect([bar.left, bar.top, bar.right]).toEqual([0, 0, view.window.width]);

    // The header sits right under the bar, and leaves most of the window to the rows.
    expect(thead.top).toBeCloseTo(bar.bottom, 0);
    expect(thead.bottom - bar.bottom).toBeLessThan(view.window.height / 3);
    // The corner stays over both the sticky header and the sticky column.
    expect([corner.top, corner.left]).toEqual([px(bar.bottom), px(Math.max(0, view.table.left))]);
    expect(corner.hit).toBe(true);

    // The columns wholly in view, right of the scenario column: enough of them to mean something,
    // and at 800 px not the first ones.
    const inView = view.heads.map((head, index) => ({ head, index })).filter(({ head }) => head.left >= corner.right - 0.5 && head.right <= win.right + 0.5);
    expect(inView.length).toBeGreaterThanOrEqual(right ? 15 : 30);
    if (right) expect(inView[0].index).toBeGreaterThan(0);
    const firstRow = view.rows.find((r) => r.head.top >= thead.bottom - 0.5)!;
    for (const { head, index } of inView) {
      const pair = index % ids.length ** 2;
      const [platform, binder, connecter] = [platforms[Math.floor(index / ids.length ** 2)], ids[Math.floor(pair / ids.length)], ids[pair % ids.length]];
      const who = `${binder} → ${connecter}`;
      // (a) in the window, under the bar, not covered; its label whole inside it, nothing cut.
      expect({
        who,
        top: head.top >= bar.bottom - 0.5,
        inWindow: inside(head, win),
        labelInside: inside(head.labelBox, head),
        overflows: head.overflows,
        hit: head.hit,
      }).toEqual({
        who,
        top: true,
        inWindow: true,
        labelInside: true,
        overflows: false,
        hit: true,
      });
      // (b) it names the binder and the connecter, in the text and in words.
      expect(head.text).toBe(who);
      expect(head.label).toBe(`binder ${binder}, connecter ${connecter}, platform ${platform}`);
      // ... and they are the cells' under it: same column edges, same pair.
      const cell = firstRow.cells[index];
      expect([cell.left, cell.right]).toEqual([px(head.left), px(head.right)]);
      const played = report.results[cell.i!];
      expect([played.binder, played.connecter, played.platform]).toEqual([binder, connecter, platform]);
      // With several platforms, the platform's head is right above, its name in view however far its group is scrolled.
      if (platforms.length > 1) {
        const group = view.platforms.find((p) => p.left <= head.left + 0.5 && p.right >= head.right - 0.5)!;
        expect({
          platform: group.text,
          bottom: group.bottom,
          nameInView: inside(group.nameBox, win) && group.nameBox.left >= corner.right - 0.5,
          hit: group.hit,
        }).toEqual({
          platform,
          bottom: px(head.top),
          nameInView: true,
          hit: true,
        });
      }
    }

    // (c) Every row wholly in view shows its scenario at the window's left edge (sticky), uncovered and unclipped.
    const scenarios = [...new Set(report.results.filter((r) => r.suite === "interop").map((r) => r.scenario))];
    const shown = view.rows.map((r, index) => ({ ...r.head, scenario: scenarios[index] })).filter((r) => r.top >= thead.bottom - 0.5 && r.bottom <= win.bottom);
    expect(shown.length).toBeGreaterThanOrEqual(4);
    for (const r of shown) {
      expect({ scenario: r.scenario, left: r.left, right: r.right, hit: r.hit, overflows: r.overflows }).toEqual({
        scenario: r.scenario,
        left: px(Math.max(0, view.table.left)),
        right: px(corner.right),
        hit: true,
        overflows: false,
      });
      expect(r.text.startsWith(r.scenario)).toBe(true);
    }
    // At 800 px the scenario column gives most of the window to the columns: its titles wrap.
    if (right) expect(corner.right - corner.left).toBeLessThanOrEqual(view.window.width * 0.32);
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
