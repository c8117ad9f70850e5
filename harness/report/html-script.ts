/**
 * report.html's script: the filters and the drill-down dialog. Plain ES2017 in a string (not a
 * compiled function) so a coverage tool instrumenting the TypeScript cannot leak into the page.
 * It reads the rows from the JSON island #report-data and writes only with textContent, so
 * whatever a scenario recorded is shown as text, never parsed as markup.
 */
export const HTML_SCRIPT = `
"use strict";
(function () {
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var $ = function (sel, root) { return (root || document).querySelectorAll(sel); };
  function el(tag, props) {
    var node = document.createElement(tag);
    for (var k in props || {}) { if (k === "text") node.textContent = props[k]; else node.setAttribute(k, props[k]); }
    for (var i = 2; i < arguments.length; i++) { var c = arguments[i]; if (c != null) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); }
    return node;
  }

  // Filters: a scenario row stays when its level is ticked, its id matches the text, and at
  // least one of its cells has a ticked outcome (and is unexpected, when that box is ticked).
  var rows = $("table.matrix tbody tr");
  var sections = $("section.suite");
  function ticked(name) { var s = {}; $("input[name=" + name + "]:checked").forEach(function (i) { s[i.value] = true; }); return s; }
  function apply() {
    var levels = ticked("level"), outcomes = ticked("outcome");
    var onlyUnexpected = document.getElementById("f-unexpected").checked;
    var text = document.getElementById("f-text").value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (tr) {
      var show = levels[tr.dataset.level] === true && (text === "" || tr.dataset.id.indexOf(text) >= 0);
      var any = false;
      $("button.c", tr).forEach(function (b) {
        var match = outcomes[b.dataset.o] === true && (!onlyUnexpected || b.classList.contains("u"));
        b.classList.toggle("dim", !match);
        any = any || match;
      });
      tr.hidden = !(show && any);
      if (!tr.hidden) shown++;
    });
    sections.forEach(function (s) { s.hidden = s.querySelector("tbody tr:not([hidden])") === null; });
    document.getElementById("shown").textContent = shown + " of " + rows.length + " scenarios shown";
  }
  $("nav.filters input").forEach(function (i) { i.addEventListener("input", apply); });
  apply();

  // The matrices' headers stick under the filter bar (html-style.ts), whose height changes when
  // it wraps on a narrow window: keep --filters-h equal to it. The stylesheet's value is for a
  // page without scripts.
  var bar = document.querySelector("nav.filters");
  function barHeight() { document.documentElement.style.setProperty("--filters-h", bar.getBoundingClientRect().height + "px"); }
  barHeight();
  if (typeof ResizeObserver === "function") new ResizeObserver(barHeight).observe(bar);

  // Drill-down: everything known about one cell, and the command that reruns it.
  var dialog = document.getElementById("drill");
  var body = document.getElementById("drill-body");
  function badge(outcome) {
    var m = data.marks[outcome] || { sign: "?", tone: "grey" };
    return el("span", { class: "sw t-" + m.tone, title: outcome }, m.sign);
  }
  function pre(text, cls) { return el("pre", cls ? { class: cls } : {}, text); }
  function traceText(trace) {
    if (typeof trace === "string") return trace;
    if (Array.isArray(trace)) return trace.map(function (t) { return typeof t === "string" ? t : JSON.stringify(t); }).join("\\n");
    return JSON.stringify(trace, null, 2);
  }
  function open(row) {
    body.textContent = "";
    var unexpected = row.unexpected;
    var who = row.implementation ? "implementation " + row.implementation : "binder " + row.binder + " \u2192 connecter " + row.connecter;
    body.appendChild(el("h3", { text: row.scenario }));
    body.appendChild(el("div", { class: "title", text: row.title }));
    body.appendChild(el("p", {}, who + " \u00b7 platform " + row.platform + " \u00b7 " + row.durationMs + " ms"));
    var expected = el("span", {}, "expected ");
    row.expected.forEach(function (o, i) { expected.appendChild(document.createTextNode(i ? " or " : "")); expected.appendChild(badge(o)); expected.appendChild(document.createTextNode(" " + o)); });
    if (row.expected.length === 0) expected.appendChild(document.createTextNode("nothing"));
    body.appendChild(el("p", { class: "outcomes" }, el("span", {}, "observed ", badge(row.outcome), el("b", { text: " " + row.outcome })), expected,
      unexpected ? el("span", { class: "tag unexpected", text: "UNEXPECTED" }) : null));
    if (row.repeat) {
      // Repeated (--repeat N): every outcome its runs had; what is shown is the least favourable run's.
      var counts = Object.keys(row.repeat.outcomes).map(function (o) { return o + " " + row.repeat.outcomes[o]; }).join(", ");
      var flaky = Object.keys(row.repeat.outcomes).length > 1;
      body.appendChild(el("p", { class: "repeats" }, (flaky ? "flaky: " : "") + "run " + row.repeat.runs + " times: " + counts + (flaky ? " (the summary and checks below are the least favourable run's)" : "")));
    }

    var clause = data.clauses[row.clause];
    body.appendChild(el("h4", { text: "Clause" }));
    body.appendChild(el("p", {}, el("code", { text: row.clause }), el("span", { class: "lvl l-" + row.level, text: row.level }),
      clause ? " " + (clause.display || clause.source) + (clause.level !== row.level ? " (the text's level: " + clause.level + ")" : "") : " (its text is not in this report)"));
    if (clause) {
      body.appendChild(el("blockquote", { class: "clause-text", text: clause.text }));
      if (clause.url) body.appendChild(el("p", { class: "title" }, clause.source + " \u00b7 ", el("a", { href: clause.url, rel: "noreferrer", target: "_blank", text: clause.url })));
    }

    // Why this outcome was expected: the expectations entry's own words, or that none applied.
    body.appendChild(el("h4", { text: "Expectation" }));
    var because = el("p", { class: "because" }, el("b", { text: "expected " + row.why.expected + ": " }), row.why.because);
    if (row.why.source) because.appendChild(el("span", { class: "title", text: " (" + row.why.source + ")" }));
    body.appendChild(because);
    if (row.why.link) {
      // Only web addresses become links: an expectations file is input like any other.
      var link = row.why.link.indexOf("https://") === 0 || row.why.link.indexOf("http://") === 0 ? el("a", { href: row.why.link, rel: "noreferrer", target: "_blank", text: row.why.link }) : el("code", { text: row.why.link });
      body.appendChild(el("p", { class: "title" }, "link: ", link));
    }

    body.appendChild(el("h4", { text: "Summary" }));
    body.appendChild(pre(row.observed.summary, "summary"));
    if (row.observed.checks.length > 0) {
      body.appendChild(el("h4", { text: "Checks" }));
      var table = el("table", { class: "checks" }, el("tr", {}, el("th", { text: "" }), el("th", { text: "what" }), el("th", { text: "expected" }), el("th", { text: "observed" })));
      row.observed.checks.forEach(function (c) {
        table.appendChild(el("tr", { class: c.ok ? "ok" : "bad" }, el("td", { text: c.ok ? "\u2713" : "\u2717" }), el("td", { text: c.what }), el("td", { class: "mono", text: c.expected }), el("td", { class: "mono", text: c.observed })));
      });
      body.appendChild(table);
    }
    var values = Object.assign({}, row.observed.values);
    var trace = values.trace;
    delete values.trace;
    if (Object.keys(values).length > 0) { body.appendChild(el("h4", { text: "Recorded values" })); body.appendChild(pre(JSON.stringify(values, null, 2), "values")); }
    if (trace !== undefined) { body.appendChild(el("h4", { text: "Wire trace" })); body.appendChild(pre(traceText(trace), "trace")); }
    if (row.transcript) transcript(row.transcript);

    body.appendChild(el("h4", { text: "Rerun this cell" }));
    var cmd = pre(row.cmd, "rerun");
    var copy = el("button", { type: "button", text: "Copy" });
    copy.addEventListener("click", function () {
      var done = function () { copy.textContent = "Copied"; };
      if (navigator.clipboard) navigator.clipboard.writeText(row.cmd).then(done, function () { select(cmd); });
      else select(cmd);
    });
    body.appendChild(el("div", { class: "cmd" }, cmd, copy));
    dialog.showModal();
  }
  // The cell's conversations (run --trace), one two-column exchange per connection: the
  // connecting end on the left, the implementation's on the right, each item under its sender.
  function transcript(t) {
    var n = t.connections.length;
    var heading = "Transcript" + (t.recorded === "rerun" ? " (recorded in a re-run, which ended " + t.rerunOutcome + ")" : "");
    body.appendChild(el("h4", { text: heading }));
    if (n === 0) body.appendChild(el("p", { class: "title", text: "No connection was recorded: this scenario's connections are not recorded (docs/transcripts.md)." }));
    if (t.omitted) body.appendChild(el("p", { class: "title", text: "Left out by the bounds: " + t.omitted.connections + " more connections, " + t.omitted.events + " more events." }));
    t.connections.forEach(function (c) {
      var table = el("table", { class: "transcript" },
        el("caption", { text: "connection " + c.id + " (" + c.via + ")" }),
        el("tr", {}, el("th", { text: "ms" }), el("th", { text: c.left }), el("th", { text: c.right })));
      c.events.forEach(function (e) {
        var item = el("div", { class: "k-" + e.kind }, e.text);
        if (e.hex) item.appendChild(el("div", { class: "hex mono", text: e.hex }));
        var left = el("td", { class: "left" }), right = el("td", { class: "right" });
        (e.from === "left" ? left : right).appendChild(item);
        table.appendChild(el("tr", {}, el("td", { class: "mono ms", text: e.ms.toFixed(1) }), left, right));
      });
      body.appendChild(el("div", { class: "exchange" }, table));
    });
  }
  // Where the clipboard is refused (file:// pages often are) the text is selected for Ctrl-C.
  function select(node) { var r = document.createRange(); r.selectNodeContents(node); var s = getSelection(); s.removeAllRanges(); s.addRange(r); }
  document.body.addEventListener("click", function (e) {
    var b = e.target.closest("button.c, button.jump");
    if (b) open(data.rows[Number(b.dataset.i)]);
  });
  dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });
})();
`;
