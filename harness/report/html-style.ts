/**
 * report.html's stylesheet, inlined so the file is self-contained (no network, no web fonts:
 * the system font stack). Tones match OUTCOME_MARK; every tone keeps a contrast of 4.5:1 or more
 * with its sign's colour.
 */
export const HTML_STYLE = `
:root{--green:#1f883d;--red:#cf222e;--amber:#e3b341;--blue:#0969da;--grey:#8c959f;--purple:#8250df;
--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink)}
*{box-sizing:border-box}
body{margin:0;background:#fff;font-size:14px;line-height:1.45}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12.5px}
header{padding:20px 28px 12px;background:var(--bg);border-bottom:1px solid var(--line)}
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
.c.dim{opacity:.18}
nav.filters{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:6px 20px;align-items:center;padding:8px 28px;background:#fff;border-bottom:1px solid var(--line);box-shadow:0 1px 3px rgba(0,0,0,.06)}
nav.filters fieldset{border:0;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:2px 10px;align-items:center}
nav.filters legend{float:left;font-weight:600;margin-right:6px;color:var(--muted)}
nav.filters label{white-space:nowrap;cursor:pointer}
nav.filters input[type=search]{width:240px;padding:3px 6px;border:1px solid var(--line);border-radius:4px}
#shown{color:var(--muted);margin-left:auto}
main{padding:10px 28px 40px}
section.suite{margin:18px 0 8px}
section.suite h2 small{font-weight:400;color:var(--muted);margin-left:8px}
table.matrix{border-collapse:separate;border-spacing:0;margin-top:6px}
table.matrix th,table.matrix td{border-bottom:1px solid #eaeef2;padding:2px 3px}
table.matrix thead th{font-weight:600;font-size:12px;color:var(--muted);text-align:center;vertical-align:bottom;background:#fff;border-bottom:1px solid var(--line)}
table.matrix thead th.plat{border-bottom:1px dashed var(--line)}
table.matrix thead th.who{padding:6px 3px 5px;line-height:1.15}
table.matrix th.who .vl{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;text-align:left}
table.matrix th.who .b{color:var(--ink)}
table.matrix th.who .arr{font-weight:400}
/* A fixed scenario column lines the matrices of all suites up under one another. */
table.matrix tbody th,table.matrix thead th.scn{text-align:left;font-weight:400;width:660px;min-width:420px;padding:2px 8px}
table.matrix tbody tr:hover{background:#f6f8fa}
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
.tag{display:inline-block;font-weight:700;padding:0 6px;border-radius:4px;color:#fff}
.tag.unexpected{background:var(--ink)}
.tag.notrun{background:var(--muted)}
.outcomes{display:flex;flex-wrap:wrap;gap:4px 16px;align-items:center}
.legend{color:var(--muted);font-size:12.5px;margin-top:6px}
.legend .sw{background:var(--grey);vertical-align:-3px}
`;
