/**
 * A run request travels as JSON to the CLI a platform starts elsewhere: what is written is what
 * is read back (with the platform's own changes), and a file that is not a request is refused,
 * naming the file and the field.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runRequest } from "../testing/run-request";
import { readRunSettings, RunRequestError, runSettingsJson } from "./run-request";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zic-request-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const written = (text: string) => {
  const file = path.join(dir, "request.json");
  fs.writeFileSync(file, text);
  return file;
};

test("every setting comes back as it was, with the platform's changes, and nothing that is not data", () => {
  const request = runRequest("out", {
    implementations: ["reference", "libzmq"],
    drivers: [{ name: "mylib", command: "node 'my driver.js' --flag" }],
    suites: ["wildcard"],
    scenarios: ["bind-override.*"],
    platforms: ["host", "linux-debian12"],
    expectFiles: ["mylib.json"],
    multiplier: 2.5,
    jobs: 3,
    repeat: 4,
    trace: "failed",
    shard: { index: 2, count: 3 },
  });
  const json = runSettingsJson(request, { platforms: ["linux-debian12"], out: "/out/report", expectFiles: ["/out/expect-1.json"] });
  expect(JSON.parse(json)).not.toHaveProperty("log");
  expect(readRunSettings(written(json))).toEqual({
    implementations: ["reference", "libzmq"],
    drivers: [{ name: "mylib", command: "node 'my driver.js' --flag" }],
    suites: ["wildcard"],
    scenarios: ["bind-override.*"],
    platforms: ["linux-debian12"],
    out: "/out/report",
    expectFiles: ["/out/expect-1.json"],
    multiplier: 2.5,
    jobs: 3,
    repeat: 4,
    trace: "failed",
    shard: { index: 2, count: 3 },
  });
});

test("settings left out stay out (the defaults of the run inside apply)", () => {
  const json = runSettingsJson(runRequest("out"), { platforms: ["host-node22"], out: "o", expectFiles: [] });
  const settings = readRunSettings(written(json));
  expect(settings).not.toHaveProperty("multiplier");
  expect(settings).not.toHaveProperty("repeat");
  expect(settings).not.toHaveProperty("shard");
  expect(settings).not.toHaveProperty("trace");
  expect(settings.jobs).toBe(1);
});

const good = JSON.parse(runSettingsJson(runRequest("out"), { platforms: ["host"], out: "o", expectFiles: [] }));
test.each([
  ["not JSON", "{ implementations", /not a readable JSON file/],
  ["an array", "[]", /is not a JSON object/],
  ["implementations not strings", JSON.stringify({ ...good, implementations: [1] }), /"implementations" must be an array of strings/],
  ["a driver without a command", JSON.stringify({ ...good, drivers: [{ name: "x" }] }), /"drivers" must be an array of \{ "name", "command" \} strings/],
  ["no out", JSON.stringify({ ...good, out: "" }), /"out" must be a directory/],
  ["jobs 0", JSON.stringify({ ...good, jobs: 0 }), /"jobs" must be a positive integer/],
  ["repeat 1.5", JSON.stringify({ ...good, repeat: 1.5 }), /"repeat" must be a positive integer/],
  ["trace sometimes", JSON.stringify({ ...good, trace: "sometimes" }), /"trace" must be "failed" or "all"/],
  ["shard 3 of 2", JSON.stringify({ ...good, shard: { index: 3, count: 2 } }), /"shard" must be \{ "index", "count" \} with 1 <= index <= count/],
])("%s: refused, naming the file and what is wrong", (_what, text, message) => {
  const file = written(text);
  expect(() => readRunSettings(file)).toThrow(RunRequestError);
  expect(() => readRunSettings(file)).toThrow(new RegExp(`^--request ${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: ${message.source}`));
});
