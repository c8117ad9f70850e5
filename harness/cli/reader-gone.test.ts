/**
 * A reader that leaves early (`| head -1`) costs the command nothing: no crash, the same exit
 * code, every report written.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const MAIN = [process.execPath, "-r", require.resolve("ts-node/register/transpile-only"), path.join(__dirname, "main.ts")];
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** The command piped into `head -1`; its own exit status (bash's PIPESTATUS), its stderr and the one line head kept. */
function intoHead(args: string[]) {
  const line = `${[...MAIN, ...args].map(quote).join(" ")} 2>"$ERR" | head -1; echo "exit \${PIPESTATUS[0]}"`;
  const err = path.join(work, "stderr");
  const ran = spawnSync("bash", ["-c", line], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ERR: err } });
  return { stdout: ran.stdout, stderr: fs.readFileSync(err, "utf8") };
}

let work: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "zic-reader-gone-"));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

test("list: the first line reaches head, then exit 0 and nothing on stderr but the count", () => {
  const ran = intoHead(["list"]);
  expect(ran.stdout).toMatch(/^bind-override\.\S+ +bind-override .*\nexit 0\n$/);
  expect(ran.stderr).toMatch(/^\d+ scenarios\n$/);
});

test("run: the run goes on to its end and writes every report", () => {
  const out = path.join(work, "out");
  const ran = intoHead(["run", "--impl", "reference", "--scenario", "bind-override.*", "--out", out]);
  expect(ran.stderr).not.toMatch(/crashed|EPIPE/);
  expect(ran.stdout).toMatch(/\nexit 0\n$/);
  const report = JSON.parse(fs.readFileSync(path.join(out, "report.json"), "utf8")) as { partial?: boolean; results: unknown[] };
  expect(report.partial).toBeUndefined();
  expect(report.results.length).toBeGreaterThan(5);
  expect(fs.readdirSync(out).sort()).toEqual(expect.arrayContaining(["junit.xml", "report.html", "report.json", "summary.md"]));
});
