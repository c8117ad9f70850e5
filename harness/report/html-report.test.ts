import { OUTCOMES } from "../model/outcome";
import type { ResultRow } from "../runner/result";
import { withClauses } from "./embed-clauses";
import { renderHtml } from "./html-report";
import { SIX_IMPLEMENTATIONS, multiPlatformReport, row, sampleReport, sampleRows, sixImplementationsReport } from "./__tests__/sample-report";

/** The rows the page carries for its drill-down, read back the way the page reads them. */
function island(page: string): { rows: Array<ResultRow & { cmd: string }>; clauses: Record<string, { text: string }> } {
  const start = page.indexOf('<script type="application/json" id="report-data">') + '<script type="application/json" id="report-data">'.length;
  return JSON.parse(page.slice(start, page.indexOf("</script>", start)));
}

describe("renderHtml", () => {
  const report = withClauses(sampleReport());
  const page = renderHtml(report);

  test("is one self-contained file: nothing is loaded from elsewhere", () => {
    expect(page.startsWith("<!doctype html>")).toBe(true);
    expect(page).not.toMatch(/<link|<img|<iframe|\ssrc=|@import|url\(|@font-face/i);
  });

  test("has a cell per row, in a matrix per suite, and marks the unexpected ones", () => {
    expect(page.match(/<button class="c /g)).toHaveLength(sampleRows().length);
    expect(page.match(/<section class="suite"/g)).toHaveLength(6);
    const unexpected = sampleRows().filter((r) => !r.expected.includes(r.outcome)).length;
    expect(page.match(/<button class="c t-\w+ u"/g)).toHaveLength(unexpected);
    expect(page).toContain(`✗ ${unexpected} unexpected of ${sampleRows().length} results`);
  });

  test("names every column: a vertical label, and the roles and the platform in words", () => {
    const pair = (binder: string, connecter: string, cls = "who pair") =>
      `<th class="${cls}" scope="col" title="binder ${binder}, connecter ${connecter}, platform host" aria-label="binder ${binder}, connecter ${connecter}, platform host"><span class="vl"><span class="b">${binder}</span><span class="arr"> → </span><span class="k">${connecter}</span></span></th>`;
    expect(page).toContain(pair("reference", "libzmq"));
    // A lighter rule opens each binder's group of columns.
    expect(page).toContain(pair("libzmq", "reference", "who pair bg"));
    expect(page).toContain(
      '<th class="who" scope="col" title="implementation libzmq, platform host" aria-label="implementation libzmq, platform host"><span class="vl">libzmq</span></th>',
    );
    // One header row: the corner cell heads the scenario column.
    expect(page).toContain('<tr class="whos"><th class="scn" scope="col">scenario</th><th class="who"');
    expect(page).not.toContain('<tr class="plats">');
  });

  test("six implementations: 36 pair columns in the interop matrix, binder after binder, each binder's group ruled", () => {
    const six = renderHtml(withClauses(sixImplementationsReport()));
    const interop = six.slice(six.indexOf('<section class="suite" data-suite="interop">'));
    const heads = interop.slice(0, interop.indexOf("</thead>"));
    const ids = SIX_IMPLEMENTATIONS.map((i) => i.id);
    const pairs = ids.flatMap((binder) => ids.map((connecter) => `binder ${binder}, connecter ${connecter}, platform host`));
    expect([...heads.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1])).toEqual(pairs);
    expect([...heads.matchAll(/<th class="who pair( bg)?"/g)].map((m) => m[1] ?? "")).toEqual(pairs.map((_, i) => (i > 0 && i % 6 === 0 ? " bg" : "")));
    // The cells carry the same rules as their heads, so the lines run down the whole matrix.
    const firstRow = interop.slice(interop.indexOf("<tbody>"), interop.indexOf("</tr>", interop.indexOf("<tbody>")));
    expect([...firstRow.matchAll(/<td( class="bg")?>/g)].map((m) => m[1] ?? "")).toEqual(pairs.map((_, i) => (i > 0 && i % 6 === 0 ? ' class="bg"' : "")));
  });

  test("with several platforms the corner spans both header rows and every head names its platform", () => {
    const multi = renderHtml(withClauses(multiPlatformReport()));
    const section = multi.slice(multi.indexOf('<section class="suite" data-suite="connect-before-bind">'));
    const head = section.slice(section.indexOf("<thead>"), section.indexOf("</thead>"));
    expect(head).toContain(
      '<thead><tr class="plats"><th class="scn" scope="col" rowspan="2">scenario</th><th class="plat pg" scope="colgroup" colspan="2"><span>host</span></th>',
    );
    expect(head).toContain('<tr class="whos"><th class="who pair pg" scope="col" title="binder reference, connecter libzmq, platform host"');
    // Each platform's group opens with the platform rule (not the binder's), whatever its binder.
    expect([...head.matchAll(/<th class="who pair( pg| bg)?"[^>]*aria-label="([^"]*)"/g)].map((m) => `${m[1] ?? ""}|${m[2]}`)).toEqual(
      ["host", "linux-debian12", "linux-debian13"].flatMap((p) => [
        ` pg|binder reference, connecter libzmq, platform ${p}`,
        ` bg|binder libzmq, connecter reference, platform ${p}`,
      ]),
    );
  });

  test("escapes implementation names in the column heads", () => {
    const hostile = renderHtml(sampleReport([row({ scenario: "interop.req-rep", binder: 'a"<b>&', connecter: "c" })]));
    expect(hostile).toContain(
      'aria-label="binder a&quot;&lt;b&gt;&amp;, connecter c, platform host"><span class="vl"><span class="b">a&quot;&lt;b&gt;&amp;</span>',
    );
    expect(hostile).not.toContain("<b>&");
  });

  test("shows scenario output as text only: <script> in a summary stays inert", () => {
    expect(page).not.toContain("<script>alert(1)</script>");
    // Exactly two script elements: the data island and the page's own script.
    expect(page.match(/<script/g)).toHaveLength(2);
    const data = island(page);
    expect(data.rows.find((r) => r.scenario === "endpoint-syntax.nul-byte-einval")!.observed.summary).toContain("<script>alert(1)</script>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  test("escapes quotes in attributes and </script> inside the data", () => {
    const hostile = renderHtml(
      sampleReport([
        row({
          scenario: 'bind-override.q"uote',
          title: "</script><b>x</b>",
          observed: { summary: "'\"</script>", checks: [], values: { "\u2028": "</script>" } },
        }),
      ]),
    );
    expect(hostile).not.toContain("</script><b>");
    expect(hostile).toContain('data-id="bind-override.q&quot;uote"');
    expect(island(hostile).rows[0].observed.values["\u2028"]).toBe("</script>");
  });

  test("carries each row's rerun command and the cited clauses' text", () => {
    const data = island(page);
    expect(data.rows.map((r) => r.cmd)).toContain(
      "npx zmq-ipc-conformance run --impl reference,libzmq --scenario connect-before-bind.queued-messages-delivered-in-order --platform host --out out/rerun/connect-before-bind.queued-messages-delivered-in-order.reference-to-libzmq",
    );
    expect(data.clauses["ipc.bind.override"].text).toMatch(/\w/);
  });

  test("offers filters for the levels and outcomes present", () => {
    for (const level of ["MUST", "SHOULD", "COMPAT", "INFO"]) expect(page).toContain(`name="level" value="${level}"`);
    for (const outcome of OUTCOMES) expect(page).toContain(`name="outcome" value="${outcome}"`);
    expect(page).toContain('id="f-text"');
  });

  test("lists every fact of every platform, and a platform that did not run as NOT RUN with its reason", () => {
    const multi = renderHtml(withClauses(multiPlatformReport()));
    const table = multi.slice(multi.indexOf('<table class="platforms">'), multi.indexOf("</table>", multi.indexOf('<table class="platforms">')));
    expect(table).toContain(
      "<thead><tr><th>platform</th><th>status</th><th>os</th><th>kernel</th><th>distribution</th><th>libc</th><th>node</th><th>libzmq</th><th>user</th></tr></thead>",
    );
    const rowOf = (id: string) => table.split("\n").find((line) => line.includes(`<code>${id}</code>`))!;
    expect(rowOf("host")).toBe(
      '<tr class="p-run"><th><code>host</code></th><td class="pstatus">run</td><td>linux x64</td><td>Linux 6.1.0-18-amd64</td><td>Debian GNU/Linux 12 (bookworm)</td><td>glibc 2.36</td><td>v20.20.2 (libuv 1.46.0)</td><td>4.3.5 (zeromq npm)</td><td>uid 0 (root)</td></tr>',
    );
    expect(rowOf("linux-debian13")).toContain("<td>Debian GNU/Linux 13 (trixie)</td><td>glibc 2.41</td><td>v20.19.2 (libuv 1.50.0)</td>");
    expect(rowOf("linux-debian12")).toContain("<td>uid 1000 (runner)</td>");
    const freebsd = rowOf("freebsd");
    expect(freebsd).toBe(
      '<tr class="p-notrun"><th><code>freebsd</code></th><td class="pstatus"><span class="tag notrun">NOT RUN</span></td><td>freebsd</td><td class="reason" colspan="6">no FreeBSD host reachable: set FREEBSD_HOST to a machine with Node 20 and ssh access</td></tr>',
    );
    // Nothing about it looks like a pass: no green, no "run", and a banner under the verdict.
    expect(freebsd).not.toMatch(/t-green|✓|>run</);
    expect(multi).toContain(
      '<p class="banner notrun"><b>Not run on 1 platform:</b> <code>freebsd</code> (no FreeBSD host reachable: set FREEBSD_HOST to a machine with Node 20 and ssh access). No results from it are in this report.</p>',
    );
    // The platforms that ran have their columns in the matrices; FreeBSD has none.
    expect(multi).toContain('<th class="plat pg" scope="colgroup" colspan="2"><span>linux-debian13</span></th>');
    expect(multi).not.toContain("<span>freebsd</span>");
  });

  test("a report without platforms has no Platforms table and no not-run banner", () => {
    expect(page).not.toContain('<table class="platforms">');
    expect(page).not.toContain("banner notrun");
  });

  test("stays small and quick for a thousand rows", () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      row({ scenario: `wildcard.case-${Math.floor(i / 4)}`, implementation: i % 2 === 0 ? "reference" : "libzmq", platform: i % 4 < 2 ? "linux" : "darwin" }),
    );
    const started = performance.now();
    const big = renderHtml(withClauses(sampleReport(many)));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(big.match(/<button class="c /g)).toHaveLength(1000);
    expect(big.length).toBeLessThan(1_000_000);
    expect(big).toContain('<th class="plat pg" scope="colgroup" colspan="2"><span>linux</span></th>');
  });
});
