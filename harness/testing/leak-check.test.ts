/**
 * The leak check itself: it must see each kind of leftover (or the tests that rely on it would
 * pass whatever the harness leaves), and finish() must clean up what it saw.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { expectGone } from "../driver/__tests__/helpers";
import { LeakCheck } from "./leak-check";

let watched: string;
beforeEach(() => {
  watched = fs.mkdtempSync(path.join(os.tmpdir(), "zic-leak-watched-"));
});
afterEach(() => fs.rmSync(watched, { recursive: true, force: true }));

const pidOf = (described: string) => Number(/^pid (\d+) /.exec(described)?.[1]);

test("nothing started, nothing found", () => {
  const check = LeakCheck.start({ watch: [watched] });
  expect(check.finish()).toEqual({ processes: [], files: [] });
});

test("a child still running is found, by pid and command, and ended by finish()", async () => {
  const check = LeakCheck.start();
  const child = spawn("sleep", ["1000"], { stdio: "ignore" });
  const found = check.finish();
  expect(found.processes).toEqual([`pid ${child.pid} (sleep 1000)`]);
  await expectGone(child.pid!);
});

test("an orphan (its parent gone, handed to init) is found by the tag it inherited", async () => {
  const check = LeakCheck.start();
  // A shell that starts `sleep` in the background and exits at once: sleep is no descendant of ours.
  const shell = spawnSync("sh", ["-c", "sleep 1000 >/dev/null 2>&1 & echo $!"], { env: check.env, encoding: "utf8" });
  const orphan = Number(shell.stdout.trim());
  expect(check.leftovers().processes.map(pidOf)).toEqual([orphan]);
  check.finish();
  await expectGone(orphan);
});

test("a file left in the private TMPDIR, and a new entry or socket file in a watched directory, are found and the TMPDIR removed", async () => {
  fs.mkdirSync(path.join(watched, "existing"));
  const check = LeakCheck.start({ watch: [watched] });
  fs.writeFileSync(path.join(check.tmpdir, "zic-left"), "");
  fs.writeFileSync(path.join(watched, "new-entry"), "");
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(path.join(watched, "existing", "left.sock"), resolve));
  try {
    const found = check.finish();
    expect(found.files).toEqual([path.join(check.tmpdir, "zic-left"), path.join(watched, "existing", "left.sock"), path.join(watched, "new-entry")]);
    expect(fs.existsSync(check.tmpdir)).toBe(false);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test("inProcess: os.tmpdir() and children's environment point at the check until finish()", () => {
  const before = os.tmpdir();
  const check = LeakCheck.start({ inProcess: true });
  expect(os.tmpdir()).toBe(check.tmpdir);
  expect(spawnSync("sh", ["-c", "echo $TMPDIR"], { encoding: "utf8" }).stdout.trim()).toBe(check.tmpdir);
  check.finish();
  expect(os.tmpdir()).toBe(before);
});
