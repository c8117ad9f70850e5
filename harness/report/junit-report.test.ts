import { renderJunit } from "./junit-report";
import { xmlAttr } from "./xml-escape";
import { findAll, parseXml } from "./__tests__/tiny-xml";
import { row, sampleReport, sampleRows } from "./__tests__/sample-report";

describe("renderJunit", () => {
  const xml = renderJunit(sampleReport());
  const doc = parseXml(xml);
  const cases = findAll(doc, "testcase");
  const byName = (name: string) => cases.find((c) => c.attrs.name === name)!;

  test("is well-formed XML with a testsuite per suite and a testcase per row", () => {
    expect(doc.name).toBe("testsuites");
    expect(findAll(doc, "testsuite").map((s) => s.attrs.name)).toEqual([
      "bind-override",
      "wildcard",
      "path-length",
      "connect-before-bind",
      "endpoint-syntax",
      "zmtp-wire",
    ]);
    expect(cases).toHaveLength(sampleRows().length);
    expect(doc.attrs.tests).toBe(String(sampleRows().length));
    expect(cases.every((c) => c.attrs.classname === c.attrs.name.split(".")[0])).toBe(true);
  });

  test("names a case by scenario, implementation or pair, and platform", () => {
    expect(byName("bind-override.second-bind-takes-new-connections [reference] [host]").children).toEqual([]);
    expect(byName("connect-before-bind.queued-messages-delivered-in-order [reference->libzmq] [host]")).toBeDefined();
  });

  test("only unexpected results fail: failure, error, or unexpected pass", () => {
    const fail = byName("endpoint-syntax.nul-byte-einval [libzmq] [host]").children[0];
    expect(fail.name).toBe("failure");
    expect(fail.attrs.message).toContain("unexpected fail (expected pass)");
    expect(fail.text).toContain("FAIL bind to a path with a NUL & friends: expected error EINVAL; observed success");
    expect(fail.text).toContain(
      "rerun: npx zmq-ipc-conformance run --impl libzmq --scenario endpoint-syntax.nul-byte-einval --platform host --out out/rerun/endpoint-syntax.nul-byte-einval",
    );
    // The clause, quoted, and why pass was expected.
    expect(fail.text).toContain("clause: api.bind.error.einval (MUST)");
    expect(fail.text).toContain('  "The endpoint supplied is invalid."');
    expect(fail.text).toContain("why expected: no expectations entry for it, so pass (the default)");
    expect(byName("wildcard.unbind-removes-file-and-directory [reference] [host]").children[0].name).toBe("error");
    expect(byName("connect-before-bind.queued-messages-delivered-in-order [reference->libzmq] [host]").children[0].name).toBe("error");
    const pass = byName("connect-before-bind.queued-messages-delivered-in-order [libzmq->reference] [host]").children[0];
    expect(pass).toMatchObject({ name: "failure", attrs: { message: "unexpected pass (expected fail: pretend: queued messages were lost)" } });
    expect(pass.text).toContain("why expected: pretend: queued messages were lost (fixtures/expectations/libzmq.json:9)");
    expect(doc.attrs).toMatchObject({ failures: "2", errors: "2", skipped: "3" });
  });

  test("one rule for what was expected: the scenario's own outcome passes, any other expected outcome is skipped with why", () => {
    const nonStrict = byName("bind-override.regular-file-survives [libzmq] [host]").children;
    expect(nonStrict.map((c) => c.name)).toEqual(["skipped"]);
    expect(nonStrict[0].attrs.message).toBe("expected non-strict: libzmq unlinks whatever is at the path before binding");
    expect(nonStrict[0].text).toContain(
      "why expected: libzmq unlinks whatever is at the path before binding (fixtures/expectations/libzmq.json:4) https://github.com/zeromq/libzmq/issues/2764",
    );
    expect(nonStrict[0].text).toContain("rerun: npx zmq-ipc-conformance run --impl libzmq --scenario bind-override.regular-file-survives");
    expect(byName("path-length.abstract-namespace [reference] [host]").children[0]).toMatchObject({
      name: "skipped",
      attrs: { message: "expected skipped: no abstract namespace on darwin" },
    });
    expect(byName("path-length.abstract-namespace [libzmq] [host]").children[0].name).toBe("skipped");
    // INFO: informational is its own outcome, a pass with what it recorded.
    expect(byName("zmtp-wire.greeting-stages [reference] [host]").children[0].name).toBe("system-out");
    const known = renderJunit(
      sampleReport([
        row({ scenario: "bind-override.x", outcome: "fail", expected: ["fail"], expectation: { reason: "we refuse overrides", source: "my.json:3" } }),
      ]),
    );
    expect(findAll(parseXml(known), "skipped")[0].attrs.message).toBe("expected fail: we refuse overrides");
    // Unsupported is never unexpected, listed or not.
    const unsupported = renderJunit(
      sampleReport([
        row({
          scenario: "bind-override.x",
          outcome: "unsupported",
          expected: ["pass"],
          observed: { summary: 'mylib does not declare the capability "socket-file"', checks: [], values: {} },
        }),
      ]),
    );
    expect(findAll(parseXml(unsupported), "skipped")[0].attrs.message).toBe('expected unsupported: mylib does not declare the capability "socket-file"');
  });

  test("escapes markup, quotes and line breaks, and replaces characters XML 1.0 forbids", () => {
    const nasty = "a <b> & \"c\" 'd'\nline2\u0000\u001b\ud800 ]]> end";
    const report = sampleReport([
      row({ scenario: "bind-override.nasty", outcome: "fail", expected: ["pass"], observed: { summary: nasty, checks: [], values: {} } }),
    ]);
    const out = renderJunit(report);
    const failure = findAll(parseXml(out), "failure")[0];
    // The message is one line, the body the whole summary; both round-trip except the forbidden characters.
    expect(failure.attrs.message).toBe(`unexpected fail (expected pass): a <b> & "c" 'd'`);
    expect(failure.text.split("\nclause:")[0]).toBe("a <b> & \"c\" 'd'\nline2\\u0000\\u001b\\ud800 ]]> end");
  });

  test("attribute values keep their line breaks and tabs; the test's reader rejects what is not XML", () => {
    expect(parseXml(`<a v="${xmlAttr("x\ny\tz\r")}"/>`).attrs.v).toBe("x\ny\tz\r");
    expect(() => parseXml('<a v="<"/>')).toThrow("raw <");
    expect(() => parseXml("<a>&</a>")).toThrow("bare &");
    expect(() => parseXml("<a>\u0001</a>")).toThrow("not allowed");
    expect(() => parseXml("<a><b></a>")).toThrow("closes");
  });
});
