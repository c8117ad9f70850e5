import type { Page } from "playwright-core";

// The functions given to page.evaluate run in the page; the project compiles without the DOM
// library, so the page's two globals they use are declared here, for this module only.
declare const window: any;
declare const document: any;

/**
 * Scrolls an open report.html into a matrix the way a reader would: down until its header is
 * stuck under the filter bar with the first rows gone under it, and with `right` also halfway
 * along its columns. The matrix is the suite's, or the one with the most columns when the report
 * has no such suite. The screenshots and the browser test both look from here, so the pictures
 * show what the test checks. Returns the suite scrolled into, undefined when there is no matrix.
 */
export async function scrollIntoMatrix(page: Page, options: { suite?: string; right?: boolean } = {}): Promise<string | undefined> {
  const suite = await page.evaluate(
    ({ suite, right }: { suite: string; right: boolean }) => {
      const tables: any[] = Array.from(document.querySelectorAll("table.matrix"));
      const columns = (t: any) => t.querySelectorAll("thead th.who").length;
      const table = tables.find((t) => t.closest("section.suite").dataset.suite === suite) ?? tables.sort((a, b) => columns(b) - columns(a))[0];
      if (!table) return undefined;
      const bar = document.querySelector("nav.filters").getBoundingClientRect().height;
      const rows = table.tBodies[0].rows;
      const under = rows[Math.min(3, rows.length - 1)].getBoundingClientRect().top + window.scrollY;
      const y = under - bar - table.tHead.getBoundingClientRect().height;
      const x = right ? Math.max(0, (table.getBoundingClientRect().right + window.scrollX - window.innerWidth) / 2) : 0;
      window.scrollTo(x, y);
      return table.closest("section.suite").dataset.suite as string | undefined;
    },
    { suite: options.suite ?? "interop", right: options.right ?? false },
  );
  // Sticky offsets follow the scroll in the next frame.
  await page.evaluate(() => new Promise((resolve) => window.requestAnimationFrame(resolve)));
  return suite;
}
