/**
 * report.html's stylesheet, inlined so the file is self-contained (no network, no web fonts:
 * the system font stack). Tones match OUTCOME_MARK; every tone keeps a contrast of 4.5:1 or more
 * with its sign's colour.
 */
export const HTML_STYLE = `
/* --filters-h: the filter bar's height, which the script measures. The values here and in the
   media queries at the end are for a page without scripts: generous, as a gap under the bar
   hides nothing and a header under it would. */
:root{--filters-h:68px;--plat-h:22px;--scn-w:clamp(200px,45vw - 110px,560px);--pad:28px;
--green:#1f883d;--red:#cf222e;--amber:#e3b341;--blue:#0969da;--grey:#8c959f;--purple:#8250df;
--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink)}
*{box-sizing:border-box}
body{margin:0;background:#fff;font-size:14px;line-height:1.45}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12.5px}
header{padding:20px var(--pad) 12px;background:var(--bg);border-bottom:1px solid var(--line)}
h1{font-size:20px;margin:0 0 6px}
h2{font-size:16px;margin:0}
.verdict{display:inline-block;font-weight:600;font-size:15px;padding:3px 10px;border-radius:6px;margin:2px 0 10px}
.verdict.ok{background:#dafbe1;color:#116329}.verdict.bad{background:#ffebe9;color:#a40e26}
.banner{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:6px 10px;margin:8px 0}
.meta{display:flex;flex-wrap:wrap;gap:18px 36px;align-items:flex-start}
.meta table{border-collapse:collapse}
.meta th,.meta td{text-align:left;padding:2px 10px 2px 0;vertical-align:top}
.meta th{color:var(--muted);font-weight:500}
.meta caption{text-align:left;font-weight:600;padding-bottom:2px}
.chips{display:flex;flex-wrap:wrap;gap:6px}
.chip{display:inline-flex;align-items:center;gap:5px;border:1px solid var(--line);border-radius:12px;padding:1px 9px 1px 3px;background:#fff;white-space:nowrap}
.unexp{margin:10px 0 0;padding:8px 12px;background:#fff;border:1px solid #ffcecb;border-left:4px solid var(--red);border-radius:6px}
.unexp ul{margin:4px 0 0;padding-left:0;list-style:none}
.unexp li{margin:2px 0;color:var(--muted)}
.jump{border:0;background:none;padding:0;cursor:pointer;color:var(--ink);font:inherit;text-align:left}
.jump:hover .mono{text-decoration:underline}
.meta table.platforms{flex-basis:100%}
.meta table.platforms thead th{font-size:12px;border-bottom:1px solid var(--line)}
.meta table.platforms tbody th,.meta table.platforms tbody td{border-bottom:1px solid #eaeef2}
.meta table.platforms .na{color:var(--muted)}
.meta table.platforms .runas{font-size:12px;color:var(--muted)}
.meta table.platforms tr.p-notrun td.reason{color:var(--ink);font-style:italic}
.notes{margin:8px 0 0;padding-left:18px;color:var(--muted)}
.c,.sw{display:inline-flex;align-items:center;justify-content:center;width:26px;height:22px;border-radius:4px;font-weight:700;font-size:13px;color:#fff;border:0;position:relative;font-family:inherit}
.sw{width:18px;height:18px;font-size:11px}
.c{cursor:pointer}
.c:focus-visible{outline:3px solid #0969da;outline-offset:1px}
.t-green{background:var(--green)}.t-red{background:var(--red)}.t-amber{background:var(--amber);color:#3b2300}
.t-blue{background:var(--blue)}.t-grey{background:var(--grey)}.t-purple{background:var(--purple)}
.c.u{box-shadow:0 0 0 2px #fff,0 0 0 4px var(--ink)}
.c.u::after,.sw.u::after{content:"";position:absolute;top:-3px;right:-3px;border-style:solid;border-width:0 9px 9px 0;border-color:transparent var(--ink) transparent transparent}
.c.f,.sw.f{outline:2px dashed var(--ink);outline-offset:1px}
.c.dim{opacity:.18}
nav.filters{position:sticky;top:0;z-index:4;display:flex;flex-wrap:wrap;gap:6px 20px;align-items:center;padding:8px var(--pad);background:#fff;border-bottom:1px solid var(--line);box-shadow:0 1px 3px rgba(0,0,0,.06)}
nav.filters fieldset{border:0;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:2px 10px;align-items:center}
nav.filters legend{float:left;font-weight:600;margin-right:6px;color:var(--muted)}
nav.filters label{white-space:nowrap;cursor:pointer}
nav.filters input[type=search]{width:240px;padding:3px 6px;border:1px solid var(--line);border-radius:4px}
#shown{color:var(--muted);margin-left:auto}
main{padding:10px var(--pad) 40px}
section.suite{margin:18px 0 8px}
section.suite h2 small{font-weight:400;color:var(--muted);margin-left:8px}
/* The matrices can be wider than the window (36 pair columns with 6 implementations). The PAGE
   scrolls sideways, not a wrapper around each table: a wrapper with overflow-x:auto becomes the
   scroll container of its table's sticky cells, so the header would stick to the wrapper (which
   does not scroll vertically) instead of under the filter bar, unless the wrapper scrolled
   vertically too, trapping the wheel in a box and cutting the table out of full-page
   screenshots. With the page as the one scroll container, the header sticks to the top and the
   scenario column to the left. The body grows to the widest matrix so the header and the filter
   bar, one window wide (100cqw: the root's width without its scrollbar), can stick to the left. */
html{container-type:inline-size}
/* A cell that takes the keyboard's focus is scrolled out from under the sticky bar, header and
   scenario column (150px: about a header of pair labels). */
html{scroll-padding:calc(var(--filters-h) + 150px) 0 0 calc(var(--scn-w) + 8px)}
body{width:max-content;min-width:100%}
header,nav.filters{position:sticky;left:0;width:100cqw}
section.suite h2{position:sticky;left:var(--pad);width:fit-content;max-width:calc(100cqw - 2 * var(--pad))}
table.matrix{border-collapse:separate;border-spacing:0;margin-top:6px}
table.matrix th,table.matrix td{border-bottom:1px solid #eaeef2;padding:2px 3px}
/* Every header cell sticks under the filter bar (--filters-h: the script keeps it equal to the
   bar's height, which grows when the bar wraps); the implementations' row under the platforms'. */
table.matrix thead th{position:sticky;top:var(--filters-h);z-index:2;font-weight:600;font-size:12px;color:var(--muted);text-align:center;vertical-align:bottom;background:#fff;border-bottom:1px solid var(--line)}
table.matrix thead tr.plats ~ tr th{top:calc(var(--filters-h) + var(--plat-h))}
/* The platforms' row has a fixed height (--plat-h) so the row under it knows where to stick. */
table.matrix thead th.plat{height:var(--plat-h);padding:0 6px;text-align:left;white-space:nowrap;border-bottom:1px dashed var(--line)}
/* A platform's name follows the window along its (wide) group of columns. */
table.matrix thead th.plat span{position:sticky;left:calc(var(--scn-w) + 6px)}
table.matrix thead th.who{padding:6px 3px 5px;line-height:1.15}
table.matrix th.who .vl{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;text-align:left}
table.matrix th.who .b{color:var(--ink)}
table.matrix th.who .arr{font-weight:400}
/* The scenario column sticks to the left; its width, the same in every suite, lines the matrices
   up under one another and narrows with the window, more so when a matrix has about 24 columns
   or more (the 25 pairs of 5 implementations, 4's 16 on 2 platforms), which need the room. Ids
   and titles wrap. */
:root:has(table.matrix tr.whos > th:nth-child(25)){--scn-w:clamp(180px,30vw,420px)}
table.matrix tbody th,table.matrix thead th.scn{position:sticky;left:0;z-index:1;width:var(--scn-w);min-width:var(--scn-w);max-width:var(--scn-w);padding:2px 8px;text-align:left;font-weight:400;overflow-wrap:anywhere;background:#fff;border-right:1px solid var(--line)}
table.matrix thead th.scn{z-index:3;font-weight:600}
table.matrix tbody tr:hover,table.matrix tbody tr:hover th{background:#f6f8fa}
table.matrix td{text-align:center}
table.matrix .pg{border-left:2px solid var(--line)}
table.matrix .bg{border-left:1px solid var(--line)}
.sid{font-weight:600}.sid .pre{color:var(--muted);font-weight:400}
.lvl{display:inline-block;font-size:10.5px;font-weight:700;border-radius:3px;padding:0 4px;margin-left:6px;vertical-align:1px;border:1px solid currentColor}
.l-MUST{color:#a40e26}.l-SHOULD{color:#7d4e00}.l-COMPAT{color:#0550ae}.l-INFO{color:var(--muted)}
.title{color:var(--muted);font-size:12.5px}
dialog{width:min(900px,94vw);max-height:90vh;overflow:auto;border:1px solid var(--line);border-radius:10px;padding:0;box-shadow:0 12px 40px rgba(0,0,0,.25)}
dialog::backdrop{background:rgba(31,35,40,.35)}
.dd{padding:16px 22px 20px}
.dd h3{margin:0 28px 2px 0;font-size:16px;word-break:break-all}
.dd h4{margin:14px 0 4px;font-size:13px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
dialog form{position:sticky;top:0;height:0;text-align:right}
dialog .close{margin:6px 10px 0 0;border:0;background:none;font-size:24px;line-height:1;cursor:pointer;color:var(--muted)}
.dd blockquote{margin:4px 0;padding:6px 12px;border-left:4px solid var(--line);background:var(--bg);font-size:14.5px}
.dd pre{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:8px 10px;margin:0;white-space:pre-wrap;word-break:break-word;max-height:320px;overflow:auto}
.dd table{border-collapse:collapse;width:100%}
.dd td,.dd th{border:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}
.dd tr.bad td{background:#ffebe9}
.dd .cmd{display:flex;gap:8px;align-items:stretch}.dd .cmd pre{flex:1}
.dd .cmd button{border:1px solid var(--line);border-radius:6px;background:#fff;cursor:pointer;padding:0 10px}
.dd .exchange{max-height:420px;overflow:auto;margin-bottom:8px}
.dd table.transcript{table-layout:fixed;font-size:12.5px}
.dd table.transcript caption{text-align:left;font-weight:600;padding:2px 0}
.dd table.transcript th:first-child,.dd table.transcript td.ms{width:64px;text-align:right;color:var(--muted)}
.dd table.transcript td.right{background:#f6f8fa}
.dd table.transcript .hex{color:var(--muted);font-size:11.5px;word-break:break-all}
.dd table.transcript .k-close,.dd table.transcript .k-connect{font-style:italic;color:var(--muted)}
.dd table.transcript .k-bytes{color:#cf222e}
.tag{display:inline-block;font-weight:700;padding:0 6px;border-radius:4px;color:#fff}
.tag.unexpected{background:var(--ink)}
.tag.notrun{background:var(--muted)}
.tag.recorded{background:var(--muted)}
.outcomes{display:flex;flex-wrap:wrap;gap:4px 16px;align-items:center}
.legend{color:var(--muted);font-size:12.5px;margin-top:6px}
.legend .sw{background:var(--grey);vertical-align:-3px}
/* The filter bar wraps onto more lines as the window narrows. */
@media (max-width:1280px){:root{--filters-h:96px}}
@media (max-width:1024px){:root{--filters-h:120px;--pad:12px}}
@media (max-width:600px){:root{--filters-h:170px}}
`;
