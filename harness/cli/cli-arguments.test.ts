/**
 * Bad input to the command line: every mistake in the arguments, the drivers file or an
 * expectations file is exit 2 with ONE line on stderr that names what was wrong (the flag, the
 * file and, where there is one, its line), no stack trace, nothing on stdout, and nothing
 * written: no run starts, no --out directory appears, the working tree is untouched.
 *
 * In process (runCli), so that the table stays fast; cli-leaks.test.ts runs the real command.
 * Unreadable files: CI runs as root, where chmod 000 does not stop a read, so a directory and a
 * path through a regular file stand for files that cannot be read.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "./cli";

const ROOT = path.join(__dirname, "..", "..");
const ONE = ["--impl", "reference", "--scenario", "bind-override.rebind-after-close", "--out", "{dir}/out"];

const expectations = (implementation: string, entries: string) => `{\n  "implementation": "${implementation}",\n  "expectations": [\n${entries}\n  ]\n}\n`;
const entry = (fields: string) => `    { ${fields} }`;

/** The files the cases point at, written into a fresh directory per test. */
const FILES: Record<string, string> = {
  afile: "not JSON, and not a directory\n",
  "null.json": "null",
  "string-drivers.json": '{"drivers": "python3 driver.py"}',
  "number-command.json": '{"drivers": {"a": 1}}',
  "empty.json": "",
  "malformed.json": expectations("reference", entry('"scenario": "bind-override.x" "outcome": "fail"')),
  "comment.json": '{\n  "implementation": "reference",\n  // JSONC comments are not expectations syntax\n  "expectations": []\n}\n',
  "trailing-comma.json": expectations("reference", `${entry('"scenario": "bind-override.rebind-after-close", "outcome": "fail", "reason": "r"')},`),
  "unknown-outcome.json": expectations("reference", entry('"scenario": "bind-override.rebind-after-close", "outcome": "broken", "reason": "r"')),
  "wrong-types.json": expectations("reference", entry('"scenario": 3, "outcome": "fail", "reason": "r"')),
  "expectations-object.json": '{\n  "implementation": "reference",\n  "expectations": {}\n}\n',
  "no-implementation.json": '{\n  "expectations": []\n}\n',
  "unknown-scenario.json": expectations("reference", entry('"scenario": "bind-override.nope", "outcome": "fail", "reason": "r"')),
  "typo-implementation.json": expectations("refrence", ""),
  "reference.json": expectations("reference", ""),
};

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  /** What the one line on stderr says, after "zmq-ipc-conformance: ". */
  readonly says: RegExp;
}

const ARGUMENTS: Case[] = [
  { name: "an unknown flag", args: ["run", "--bogus", ...ONE], says: /^Unknown option '--bogus'/ },
  { name: "a flag without its value", args: ["run", ...ONE, "--jobs"], says: /^Option '--jobs <value>' argument missing$/ },
  { name: "--jobs 0", args: ["run", ...ONE, "--jobs", "0"], says: /^--jobs takes a positive integer, got "0"$/ },
  { name: "--jobs 1.5", args: ["run", ...ONE, "--jobs", "1.5"], says: /^--jobs takes a positive integer, got "1\.5"$/ },
  { name: "--jobs abc", args: ["run", ...ONE, "--jobs", "abc"], says: /^--jobs takes a positive integer, got "abc"$/ },
  { name: "--timeout-multiplier 0", args: ["run", ...ONE, "--timeout-multiplier", "0"], says: /^--timeout-multiplier takes a positive number, got "0"$/ },
  { name: "--timeout-multiplier nan", args: ["run", ...ONE, "--timeout-multiplier", "nan"], says: /^--timeout-multiplier takes a positive number, got "nan"$/ },
  {
    name: "--timeout-multiplier -1",
    args: ["run", ...ONE, "--timeout-multiplier", "-1"],
    says: /^Option '--timeout-multiplier' argument is ambiguous\. .*'--timeout-multiplier=-XYZ'\.$/,
  },
  { name: "an empty --impl", args: ["run", "--impl", "", "--out", "{dir}/out"], says: /^--impl needs a value, got ""$/ },
  {
    name: "an unknown --impl",
    args: ["run", "--impl", "nope", "--out", "{dir}/out"],
    says: /^unknown implementation "nope" \(in process: reference, libzmq; shipped drivers: .*\)$/,
  },
  { name: "one --impl twice", args: ["run", "--impl", "reference,reference", "--out", "{dir}/out"], says: /^two implementations are called "reference"$/ },
  { name: "an unknown --suite", args: ["run", ...ONE, "--suite", "nope"], says: /^unknown suite "nope" \(known: bind-override, .*\)$/ },
  { name: "a --suite that names nothing", args: ["run", ...ONE, "--suite", ","], says: /^--suite needs a value, got ","$/ },
  {
    name: "a --scenario that matches nothing",
    args: ["run", "--impl", "reference", "--scenario", "nope.*", "--out", "{dir}/out"],
    says: /^no scenario matches --suite \* --scenario nope\.\*$/,
  },
  {
    name: "an empty --scenario (an unset shell variable)",
    args: ["run", "--impl", "reference", "--scenario", "", "--out", "{dir}/out"],
    says: /^--scenario needs a value, got ""$/,
  },
  { name: "an unknown --platform", args: ["run", ...ONE, "--platform", "nowhere"], says: /^unknown platform "nowhere" \(known: host, .*\)$/ },
  { name: "an empty --platform", args: ["run", ...ONE, "--platform", ""], says: /^--platform needs a value, got ""$/ },
  { name: "--driver without =", args: ["run", ...ONE, "--driver", "foo"], says: /^--driver takes NAME=COMMAND, got "foo"$/ },
  { name: "--driver without a name", args: ["run", ...ONE, "--driver", "=cmd"], says: /^--driver takes NAME=COMMAND, got "=cmd"$/ },
  { name: "--driver without a command", args: ["run", ...ONE, "--driver", "foo="], says: /^--driver takes NAME=COMMAND, got "foo="$/ },
  { name: "two drivers of one name", args: ["run", ...ONE, "--driver", "a=true", "--driver", "a=true"], says: /^two implementations are called "a"$/ },
  {
    name: "a drivers file that is not there",
    args: ["run", ...ONE, "--drivers", "{dir}/missing.json"],
    says: /^drivers file .*missing\.json: cannot be read \(ENOENT\)$/,
  },
  { name: "a drivers file that is not JSON", args: ["run", ...ONE, "--drivers", "{dir}/afile"], says: /^drivers file .*afile: Unexpected token/ },
  {
    name: "a drivers file holding null",
    args: ["run", ...ONE, "--drivers", "{dir}/null.json"],
    says: /^drivers file .*null\.json: must be \{"drivers": \{"NAME": "COMMAND", \.\.\.\}\}$/,
  },
  {
    name: "a drivers file whose drivers are a string",
    args: ["run", ...ONE, "--drivers", "{dir}/string-drivers.json"],
    says: /^drivers file .*string-drivers\.json: must be \{"drivers"/,
  },
  {
    name: "a drivers file with a command that is not a string",
    args: ["run", ...ONE, "--drivers", "{dir}/number-command.json"],
    says: /^drivers file .*number-command\.json: "a" must map to a command string$/,
  },
  { name: "--shard 4/3", args: ["run", ...ONE, "--shard", "4/3"], says: /^--shard takes i\/n with 1 <= i <= n, got "4\/3"$/ },
  { name: "--shard x", args: ["run", ...ONE, "--shard", "x"], says: /^--shard takes i\/n with 1 <= i <= n, got "x"$/ },
  { name: "--repeat 0", args: ["run", ...ONE, "--repeat", "0"], says: /^--repeat takes a positive integer, got "0"$/ },
  { name: "--repeat 2.5", args: ["gate", ...ONE, "--repeat", "2.5"], says: /^--repeat takes a positive integer, got "2.5"$/ },
  { name: "--repeat 1000", args: ["run", ...ONE, "--repeat", "1000"], says: /^--repeat takes at most 100, got "1000"$/ },
  { name: "--trace sometimes", args: ["run", ...ONE, "--trace", "sometimes"], says: /^--trace takes failed or all, got "sometimes"$/ },
  { name: "trace without --scenario", args: ["trace", "--impl", "reference", "--out", "{dir}/out"], says: /^trace needs --scenario ID \(or a glob\)/ },
  { name: "trace with --repeat", args: ["trace", ...ONE, "--repeat", "2"], says: /^trace does not take --repeat/ },
  {
    name: "an --out that is a file",
    args: ["run", ...ONE, "--out", "{dir}/afile"],
    says: /^--out .*afile: cannot be created \(EEXIST: a file of that name is in the way\)$/,
  },
  {
    name: "an --out below a file",
    args: ["run", ...ONE, "--out", "{dir}/afile/reports"],
    says: /^--out .*afile\/reports: cannot be created \(ENOTDIR: a part of the path is a file\)$/,
  },
  {
    name: "a flag of another command",
    args: ["run", ...ONE, "--from", "{dir}/report.json"],
    says: /^run does not take --from \(see: zmq-ipc-conformance run --help\)$/,
  },
  { name: "a positional argument", args: ["run", ...ONE, "extra"], says: /^Unexpected argument 'extra'/ },
  { name: "an unknown command", args: ["lisst"], says: /^unknown command "lisst" \(try --help\)$/ },
  { name: "list with a run flag", args: ["list", "--impl", "reference"], says: /^list does not take --impl/ },
  { name: "list with an unknown level", args: ["list", "--level", "MAY"], says: /^--level: unknown level "MAY" \(known: MUST, SHOULD, COMPAT, INFO\)$/ },
  { name: "gate with an empty --expect", args: ["gate", ...ONE, "--expect", ""], says: /^--expect needs a value, got ""$/ },
  {
    name: "update-expectations for two implementations",
    args: ["update-expectations", "--impl", "reference,libzmq", "--out", "{dir}/out"],
    says: /^update-expectations writes one implementation's file/,
  },
  {
    name: "update-expectations --write to a directory",
    args: ["update-expectations", ...ONE, "--write", "{dir}/adir"],
    says: /^--write .*adir: is a directory, not a file$/,
  },
  {
    name: "update-expectations --write below a file",
    args: ["update-expectations", ...ONE, "--write", "{dir}/afile/x.json"],
    says: /^--write .*afile\/x\.json: its directory cannot be created \(EEXIST/,
  },
  {
    name: "update-expectations --from a missing report",
    args: ["update-expectations", "--impl", "reference", "--from", "{dir}/missing.json", "--write", "{dir}/x.json"],
    says: /^.*missing\.json: cannot read a report/,
  },
  { name: "report without files", args: ["report", "--out", "{dir}/out"], says: /^report needs one or more report\.json files$/ },
  { name: "report of a file that is not a report", args: ["report", "--out", "{dir}/out", "{dir}/afile"], says: /^.*afile: cannot read a report/ },
];

const gate = (file: string): string[] => ["gate", ...ONE, "--expect", `{dir}/${file}`];

const EXPECTATION_FILES: Case[] = [
  { name: "not there", args: gate("missing.json"), says: /^.*missing\.json: cannot be read \(ENOENT\)$/ },
  { name: "a directory", args: gate("adir"), says: /^.*adir: cannot be read \(EISDIR\)$/ },
  { name: "below a regular file", args: gate("afile/x.json"), says: /^.*afile\/x\.json: cannot be read \(ENOTDIR\)$/ },
  { name: "empty", args: gate("empty.json"), says: /^.*empty\.json:1: not valid JSON \(ValueExpected\)$/ },
  { name: "malformed JSON, at its line", args: gate("malformed.json"), says: /^.*malformed\.json:4: not valid JSON \(CommaExpected\)$/ },
  { name: "a JSONC comment, at its line", args: gate("comment.json"), says: /^.*comment\.json:3: not valid JSON \(InvalidCommentToken\)$/ },
  { name: "a trailing comma, at its line", args: gate("trailing-comma.json"), says: /^.*trailing-comma\.json:5: not valid JSON \(ValueExpected\)$/ },
  {
    name: "an unknown outcome, with the field and the allowed ones",
    args: gate("unknown-outcome.json"),
    says: /^.*unknown-outcome\.json:4: line 4: \/expectations\/0\/outcome must be equal to one of the allowed values \(one of: pass, fail, non-strict, .*\)/,
  },
  { name: "a field of the wrong type", args: gate("wrong-types.json"), says: /^.*wrong-types\.json:4: line 4: \/expectations\/0\/scenario must be string$/ },
  {
    name: "expectations that are not a list",
    args: gate("expectations-object.json"),
    says: /^.*expectations-object\.json:3: line 3: \/expectations must be array$/,
  },
  {
    name: "no implementation",
    args: gate("no-implementation.json"),
    says: /^.*no-implementation\.json:1: line 1: the file must have required property 'implementation'$/,
  },
  { name: "an unknown scenario id", args: gate("unknown-scenario.json"), says: /^.*unknown-scenario\.json:4: "bind-override\.nope" matches no scenario$/ },
  {
    name: "for an implementation the run does not include",
    args: gate("typo-implementation.json"),
    says: /^.*typo-implementation\.json: is for "refrence", which this run does not include \(it runs: reference\)$/,
  },
  {
    name: "a second file for the same implementation",
    args: [...gate("reference.json"), "--expect", "{dir}/reference.json"],
    says: /^.*reference\.json: is a second --expect file for "reference" \(the first: .*reference\.json\)$/,
  },
];

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zic-cli-args-"));
  for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), text);
  fs.mkdirSync(path.join(dir, "adir"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function refused({ args, says }: Case): Promise<void> {
  const before = { dir: fs.readdirSync(dir).sort(), root: fs.readdirSync(ROOT).sort() };
  const stdout: string[] = [];
  let stderr = "";
  const code = await runCli(
    args.map((arg) => arg.replace("{dir}", dir)),
    { line: (text) => stdout.push(text), error: (text) => (stderr += text) },
  );
  expect(code).toBe(2);
  expect(stderr).toMatch(/^zmq-ipc-conformance: [^\n]+\n$/); // one line
  expect(stderr).not.toMatch(/\bat .*:\d+:\d+/); // no stack trace
  expect(stderr.slice("zmq-ipc-conformance: ".length, -1)).toMatch(says);
  expect(stdout).toEqual([]);
  // Nothing written: no --out directory, no report, nothing new in the working tree.
  expect(fs.readdirSync(dir).sort()).toEqual(before.dir);
  expect(fs.readdirSync(ROOT).sort()).toEqual(before.root);
}

describe("a mistake in the arguments: exit 2, one line naming it, nothing written", () => {
  test.each(ARGUMENTS)("$name", refused);
});

describe("an expectations file that cannot be used: exit 2, one line naming the file and the problem, and the run does not start", () => {
  test.each(EXPECTATION_FILES)("$name", refused);
});

test("a well-formed file passes the same door: the run starts and exits 0 (so the refusals above are about the files)", async () => {
  let said = "";
  const code = await runCli(["gate", ...ONE.map((arg) => arg.replace("{dir}", dir)), "--expect", path.join(dir, "reference.json")], {
    line: (text) => (said += `${text}\n`),
    error: () => undefined,
  });
  expect(said).toContain("verdict: nothing unexpected (exit 0)");
  expect(code).toBe(0);
});
