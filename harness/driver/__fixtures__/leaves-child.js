// A driver that starts a helper process and does not look after it, one way per argument:
//   crash-with-child  the helper shares the driver's group and stdout; the driver dies on its first real request
//   escaped-child     the helper leaves the group (setsid) and ignores SIGTERM; the driver hangs on requests
// The driver names the helper on stderr ("fixture leaves-child: child pid <pid>") and, before its
// hello, in $FIXTURE_CHILD_PID_FILE when set.
const { spawn } = require("node:child_process");
const kit = require("./kit");
const mode = process.argv[2];
kit.announce(`leaves-child ${mode}`);
const helper = "process.on('SIGTERM', () => undefined); setTimeout(() => undefined, 30_000);";
const escaped = mode === "escaped-child";
const child = spawn(process.execPath, ["-e", helper], escaped ? { detached: true, stdio: "ignore" } : { stdio: "inherit" });
child.unref();
process.stderr.write(`fixture leaves-child: child pid ${child.pid}\n`);
if (process.env.FIXTURE_CHILD_PID_FILE) require("node:fs").writeFileSync(process.env.FIXTURE_CHILD_PID_FILE, String(child.pid));
kit.hello();
kit.onRequest((request) => {
  if (!escaped) throw new Error(`fake_zmq_${request.op}: segfault in the library`);
  process.stderr.write(`got request ${request.id} (${request.op}), thinking forever\n`);
});
kit.hang();
