/**
 * Transcripts end to end, through the command line: the commands docs/transcripts.md shows run
 * as written; `run --trace` puts transcripts into report.json (valid against the schema), the
 * HTML drill-down's data and junit.xml; `trace` prints them and leaves nothing behind.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { commandsUnder, readBlocks } from "../../docs/__tests__/code-blocks";
import { validateReport } from "../report/validate-report";
import type { Report } from "../report/report-json";
import { runCli } from "./cli";

const ROOT = path.join(__dirname, "..", "..");
const DOC = "docs/transcripts.md";
const blocks = readBlocks(path.join(ROOT, DOC), DOC);

async function cli(args: string[]): Promise<{ code: number; lines: string[]; errors: string }> {
  const lines: string[] = [];
  let errors = "";
  const code = await runCli(args, { line: (text) => lines.push(text), error: (text) => (errors += text) });
  return { code, lines, errors };
}

/** A documented command's arguments after the program name (quotes as sh removes them). */
function argsOf(text: string): string[] {
  const words = text.replace(/^npx zmq-ipc-conformance /, "").match(/'[^']*'|\S+/g) ?? [];
  return words.map((word) => word.replace(/^'(.*)'$/, "$1"));
}

let dir: string;
let previous: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zic-trace-test-"));
  previous = process.cwd();
  process.chdir(dir); // the documented --out is relative
});
afterAll(() => {
  process.chdir(previous);
  fs.rmSync(dir, { recursive: true, force: true });
});

const tracesLeft = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith("zic-trace-") && !name.startsWith("zic-trace-test-"));

test("the documented `trace` prints each cell's transcript, decoded, and removes its temporary reports", async () => {
  const [command] = commandsUnder(blocks, "Recording").filter((c) => c.text.includes(" trace "));
  const before = tracesLeft();
  const { code, lines } = await cli(argsOf(command.text));
  expect(code).toBe(0);
  expect(lines).toContain("zmtp-wire.ready-identity [reference] [host]: pass: every check held");
  expect(lines.some((line) => /^ +[\d.]+ ms <- READY Socket-Type="DEALER" Identity="dealer-7"$/.test(line))).toBe(true);
  expect(lines.some((line) => /^connection \d+ \(raw-peer\): raw ROUTER peer -> reference$/.test(line))).toBe(true);
  expect(tracesLeft()).toEqual(before);
}, 60_000);

describe("the documented `run --trace failed`", () => {
  let report: Report;
  let out: string;
  beforeAll(async () => {
    const [command] = commandsUnder(blocks, "Recording").filter((c) => c.text.includes(" run "));
    const args = argsOf(command.text);
    out = path.join(dir, args[args.indexOf("--out") + 1]);
    // The reference passes them all: the run records nothing, as documented.
    expect((await cli(args)).code).toBe(0);
    report = JSON.parse(fs.readFileSync(path.join(out, "report.json"), "utf8"));
  }, 120_000);

  test("passing cells carry no transcript; the run says how it was asked", () => {
    expect(report.results.length).toBeGreaterThan(1);
    expect(report.results.filter((r) => r.transcript !== undefined)).toEqual([]);
    expect(report.invocation?.trace).toBe("failed");
  });

  test("with --trace all, every row's transcript is in report.json (valid), the HTML's data and junit.xml", async () => {
    const all = path.join(dir, "all");
    expect(
      (await cli(["run", "--impl", "reference,libzmq", "--scenario", "interop.push-pull,zmtp-wire.ready-identity", "--trace", "all", "--out", all])).code,
    ).toBe(0);
    const traced: Report = JSON.parse(fs.readFileSync(path.join(all, "report.json"), "utf8"));
    expect(validateReport(traced)).toEqual([]);
    expect(traced.results.every((r) => r.transcript?.recorded === "run" && r.transcript.connections.length > 0)).toBe(true);
    const relayed = traced.results.find((r) => r.binder === "libzmq" && r.connecter === "reference")!;
    expect(relayed.transcript!.connections[0]).toMatchObject({ via: "relay", left: "reference (connecter)", right: "libzmq (binder)" });
    expect(relayed.transcript!.connections[0].events.map((e) => e.kind)).toEqual(expect.arrayContaining(["connect", "greeting", "command", "frame"]));
    const html = fs.readFileSync(path.join(all, "report.html"), "utf8");
    expect(html).toContain('"via":"relay"');
    expect(fs.readFileSync(path.join(all, "junit.xml"), "utf8")).toMatch(/<system-out>transcript: \d+ connections?\n/);
  }, 120_000);
});
