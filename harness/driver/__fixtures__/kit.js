/**
 * Shared by the fixture drivers in this directory (tiny programs that each break the driver
 * protocol in ONE way, for driver-connection.test.ts). Every fixture names itself and its pid on
 * stderr first, so a test can read the pid from the DriverFault's evidence and check that the
 * harness really ended the process.
 */
const readline = require("node:readline");

// A safety net for when the harness under test fails to kill us: never outlive a test run.
setTimeout(() => process.exit(99), 30_000).unref();

/** "fixture <name>: pid <pid>" on stderr (and the pid in $FIXTURE_PID_FILE when set). */
function announce(name) {
  process.stderr.write(`fixture ${name}: pid ${process.pid}\n`);
  if (process.env.FIXTURE_PID_FILE) require("node:fs").writeFileSync(process.env.FIXTURE_PID_FILE, String(process.pid));
}

function write(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** A valid protocol 1 hello; `overrides` replace its fields. */
function hello(overrides = {}) {
  write({ hello: { protocol: 1, name: "fixture", version: "0.0.0", capabilities: [], socketTypes: ["PUSH", "PULL"], pid: process.pid, ...overrides } });
}

/** Calls handler(request) for every request line; the preflight's unknown op is refused properly unless told otherwise. */
function onRequest(handler, { answerPreflight = true } = {}) {
  readline.createInterface({ input: process.stdin }).on("line", (line) => {
    const request = JSON.parse(line);
    if (answerPreflight && request.op === "preflight-unknown-op") return write({ id: request.id, ok: false, unsupported: `unknown op "${request.op}"` });
    handler(request);
  });
}

/** Keeps the process alive, doing nothing (a hang). */
function hang() {
  setInterval(() => undefined, 1000);
}

module.exports = { announce, write, hello, onRequest, hang };
