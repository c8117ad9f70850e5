/**
 * The C driver (drivers/libzmq-c) on its own: what the protocol asks of a driver beyond what the
 * catalogue exercises (suites/drivers.test.ts runs every scenario against it), spoken to directly
 * over stdin/stdout and checked against the protocol's schema; and the commands of its README,
 * run as written.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv from "ajv";
import { commandsUnder, readBlocks, type DocCommand } from "../docs/__tests__/code-blocks";
import schema from "../harness/driver/protocol.schema.json";
import { driverAvailable, projectRoot, shippedDrivers } from "../harness/driver/shipped-drivers";
import type { Report } from "../harness/report/report-json";
import { timeoutMultiplier } from "../harness/runner/limits";
import { runCli } from "../harness/cli/cli";

const ROOT = projectRoot();
const README = "drivers/libzmq-c/README.md";
const blocks = readBlocks(path.join(ROOT, README), README);
const shipped = shippedDrivers().find((d) => d.id === "libzmq-c")!;
const available = shipped !== undefined && driverAvailable(shipped);
const limitMs = 20_000 * timeoutMultiplier();

const ajv = new Ajv({ strict: false });
ajv.addSchema(schema, "protocol");
const validHello = ajv.getSchema("protocol#/definitions/hello")!;
const validResponse = ajv.getSchema("protocol#/definitions/response")!;

type Response = { id: number; ok: boolean; result?: unknown; error?: { code: string; message: string }; unsupported?: string };

/** The compiled driver's path (run.sh --build compiles it when needed). */
function driverBinary(): string {
  const built = spawnSync("sh", ["drivers/libzmq-c/run.sh", "--build"], { cwd: ROOT, encoding: "utf8", timeout: limitMs });
  if (built.status !== 0) throw new Error(`run.sh --build failed: ${built.stderr}`);
  return built.stdout.trim();
}

/** One driver process: these lines on its stdin, then end of input. Every stdout line is checked against the schema. */
function session(lines: string[], cwd: string): { hello: Record<string, unknown>; answers: Map<number, Response>; stdout: string[]; stderr: string } {
  const ran = spawnSync(driverBinary(), [], {
    cwd,
    input: lines.map((line) => `${line}\n`).join(""),
    encoding: "utf8",
    timeout: limitMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (ran.status !== 0) throw new Error(`the driver exited with ${ran.status ?? ran.signal}: ${ran.stderr}`);
  const stdout = ran.stdout.split("\n").filter((line) => line !== "");
  const [first, ...rest] = stdout.map((line) => JSON.parse(line) as Record<string, unknown>);
  if (!validHello(first)) throw new Error(`invalid hello: ${ajv.errorsText(validHello.errors)}`);
  const answers = new Map<number, Response>();
  for (const answer of rest) {
    if (!validResponse(answer)) throw new Error(`invalid response ${JSON.stringify(answer)}: ${ajv.errorsText(validResponse.errors)}`);
    answers.set((answer as Response).id, answer as Response);
  }
  return { hello: first.hello as Record<string, unknown>, answers, stdout, stderr: ran.stderr };
}

const request = (id: number, op: string, fields: Record<string, unknown> = {}) => JSON.stringify({ id, op, ...fields });

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zic-libzmq-c-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the driver's toolchain is installed (scripts/setup-drivers.sh)", () => {
  if (!available && process.env.CI === "true") throw new Error(`libzmq-c cannot be built here: ${shipped?.install}`);
  if (!available) console.warn(`NOT RUN: the libzmq-c driver cannot be built here: ${shipped?.install}`);
  expect(shipped.command).toBe("sh drivers/libzmq-c/run.sh");
});

describe("the C driver, spoken to directly", () => {
  if (!available) return;

  test("hello: libzmq's real version, its capabilities, and the preflight answered unsupported", () => {
    const { hello, answers } = session([request(1, "preflight-unknown-op")], dir);
    expect(hello).toMatchObject({ protocol: 1, platform: os.platform(), pid: expect.any(Number) });
    expect(hello.version).toMatch(/^\d+\.\d+\.\d+ \(libzmq-c driver [\d.]+, jansson [\d.]+\)$/);
    expect(hello.capabilities).toEqual(expect.arrayContaining(["abstract-namespace", "wildcard", "socket-file", "unbind", "pubsub", "reqrep"]));
    expect(answers.get(1)).toEqual({ id: 1, ok: false, unsupported: 'unknown op "preflight-unknown-op"' });
  });

  test("frames of every length round-trip byte for byte, a 1 MiB one and empty ones included", () => {
    const endpoint = `ipc://${dir}/sizes.sock`;
    const frames = [0, 1, 2, 3, 4, 255, 256, 65_537, 1024 * 1024].map((size) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 7 + size) & 0xff)));
    const { answers } = session(
      [
        request(1, "create", { type: "PULL", options: { linger: 0 } }),
        request(2, "bind", { socket: 1, endpoint }),
        request(3, "create", { type: "PUSH", options: { linger: 0 } }),
        request(4, "connect", { socket: 2, endpoint }),
        request(5, "send", { socket: 2, frames: frames.map((f) => f.toString("base64")) }),
        request(6, "receive", { socket: 1, timeoutMs: 5000 }),
      ],
      dir,
    );
    const received = (answers.get(6)?.result as string[]).map((text) => Buffer.from(text, "base64"));
    expect(received.map((f) => f.length)).toEqual(frames.map((f) => f.length));
    expect(received.every((f, i) => f.equals(frames[i]))).toBe(true);
  });

  test("a frame that is not strict base64 is refused EINVAL and nothing of the message is sent", () => {
    const endpoint = `ipc://${dir}/bad-base64.sock`;
    const bad = ["QQ", "Q===", "QQ=A", "Q*==", "QUJD\n"];
    const { answers } = session(
      [
        request(1, "create", { type: "PULL", options: { linger: 0 } }),
        request(2, "bind", { socket: 1, endpoint }),
        request(3, "create", { type: "PUSH", options: { linger: 0 } }),
        request(4, "connect", { socket: 2, endpoint }),
        ...bad.map((frame, i) => request(10 + i, "send", { socket: 2, frames: ["b2s=", frame] })),
        request(20, "send", { socket: 2, frames: ["bGFzdA=="] }),
        request(21, "receive", { socket: 1, timeoutMs: 5000 }),
        request(22, "receive", { socket: 1, timeoutMs: 100 }),
      ],
      dir,
    );
    for (let i = 0; i < bad.length; i++) expect(answers.get(10 + i)).toMatchObject({ ok: false, error: { code: "EINVAL", message: "frame 1 is not base64" } });
    expect(answers.get(21)?.result).toEqual(["bGFzdA=="]); // "last": the refused messages' first frames never went
    expect(answers.get(22)?.error?.code).toBe("EAGAIN");
  });

  test("refusals by errno name: unknown socket, closed socket, unknown type, a REQ out of turn, a PUSH receiving", () => {
    const { answers } = session(
      [
        request(1, "bind", { socket: 7, endpoint: `ipc://${dir}/x.sock` }),
        request(2, "create", { type: "REQ", options: { linger: 0 } }),
        request(3, "receive", { socket: 1, timeoutMs: 0 }),
        request(4, "create", { type: "PUSH", options: {} }),
        request(5, "receive", { socket: 2, timeoutMs: 10 }),
        request(6, "close", { socket: 2 }),
        request(7, "close", { socket: 2 }),
        request(8, "create", { type: "STREAM", options: {} }),
        request(9, "bind", { socket: 1, endpoint: "foo://x" }),
        request(10, "chdir", { dir: path.join(dir, "missing") }),
      ],
      dir,
    );
    expect(answers.get(1)?.error?.code).toBe("EBADF");
    expect(answers.get(3)?.error?.code).toBe("EFSM");
    expect(answers.get(5)?.error?.code).toBe("ENOTSUP");
    expect(answers.get(6)).toMatchObject({ ok: true });
    expect(answers.get(7)?.error?.code).toBe("EBADF");
    expect(answers.get(8)?.error).toMatchObject({ code: "EINVAL", message: 'unknown socket type "STREAM"' });
    expect(answers.get(9)?.error?.code).toBe("EPROTONOSUPPORT");
    expect(answers.get(10)?.error?.code).toBe("ENOENT");
  });

  test("an option it does not know is unsupported and makes no socket; a bad value is EINVAL", () => {
    const { answers } = session(
      [
        request(1, "create", { type: "PUSH", options: { linger: 0, tcpKeepalive: 1 } }),
        request(2, "create", { type: "PUSH", options: { sendHighWaterMark: "ten" } }),
        request(3, "create", { type: "XPUB", options: { verbosity: "everything" } }),
        request(4, "create", { type: "PUSH", options: { maxMessageSize: -1, immediate: true, routingId: "id-1", reconnectInterval: null } }),
      ],
      dir,
    );
    expect(answers.get(1)).toEqual({ id: 1, ok: false, unsupported: "socket option tcpKeepalive not supported by this driver" });
    expect(answers.get(2)?.error).toMatchObject({ code: "EINVAL", message: "option sendHighWaterMark must be a whole number or a boolean" });
    expect(answers.get(3)?.error?.code).toBe("EINVAL");
    expect(answers.get(4)).toEqual({ id: 4, ok: true, result: 1 }); // socket numbers are given only to sockets made
  });

  test("an endpoint is passed as received: a NUL inside it reaches libzmq, which reads up to it", () => {
    const { answers } = session(
      [
        request(1, "create", { type: "PULL", options: { linger: 0 } }),
        request(2, "bind", { socket: 1, endpoint: `ipc://${dir}/before\u0000after.sock` }),
        request(3, "lastEndpoint", { socket: 1 }),
      ],
      dir,
    );
    expect(answers.get(2)).toMatchObject({ ok: true });
    expect(answers.get(3)?.result).toBe(`ipc://${dir}/before`);
    expect(fs.lstatSync(path.join(dir, "before")).isSocket()).toBe(true);
  });

  test("setenv reaches libzmq's getenv (the wildcard's directory) and chdir its relative paths", () => {
    const wildcardDir = fs.mkdtempSync(path.join(dir, "tmpdir-"));
    const workDir = fs.mkdtempSync(path.join(dir, "cwd-"));
    const { answers } = session(
      [
        request(1, "setenv", { vars: { TMPDIR: wildcardDir, TEMPDIR: null, TMP: null } }),
        request(2, "create", { type: "PULL", options: { linger: 0 } }),
        request(3, "bind", { socket: 1, endpoint: "ipc://*" }),
        request(4, "lastEndpoint", { socket: 1 }),
        request(5, "chdir", { dir: workDir }),
        request(6, "bind", { socket: 1, endpoint: "ipc://relative.sock" }),
      ],
      dir,
    );
    expect(String(answers.get(4)?.result)).toMatch(new RegExp(`^ipc://${wildcardDir}/`));
    expect(answers.get(6)).toMatchObject({ ok: true });
    expect(fs.lstatSync(path.join(workDir, "relative.sock")).isSocket()).toBe(true);
  });

  test("lines that are not requests are ignored, logged on stderr, and never answered", () => {
    const { answers, stdout, stderr } = session(["not json", "", "[1,2]", request(1, "create", { type: "PAIR", options: {} })], dir);
    expect(stdout).toHaveLength(2); // the hello and one answer
    expect(answers.get(1)).toEqual({ id: 1, ok: true, result: 1 });
    expect(stderr).toContain("libzmq-c-driver: not a JSON request, ignored");
    expect(stderr).toContain(": not json");
  });
});

/** A README command's arguments after `npx zmq-ipc-conformance` (no quoting in them). */
const argsOf = (command: DocCommand) =>
  command.text
    .replace(/\s+#.*$/, "")
    .replace(/^npx zmq-ipc-conformance /, "")
    .split(/\s+/);

async function cli(args: string[]): Promise<{ code: number; output: string }> {
  let output = "";
  const code = await runCli(args, { line: (text) => (output += `${text}\n`), error: (text) => (output += text) });
  return { code, output };
}

describe("the README's commands, as written", () => {
  if (!available) return;
  let previous: string;
  let workDir: string;
  beforeAll(() => {
    previous = process.cwd();
    workDir = fs.mkdtempSync(path.join(dir, "readme-"));
    process.chdir(workDir); // the documented --out is relative
  });
  afterAll(() => process.chdir(previous));

  test(
    "install: the packages are there (apt-get itself when root) and --build prints an executable",
    () => {
      const [install, build] = commandsUnder(blocks, "Install");
      expect(install.text).toBe(shipped.install); // drivers/drivers.json names the same packages
      const packages = install.text.replace(/^apt-get install -y /, "").split(" ");
      const check =
        process.getuid?.() === 0
          ? spawnSync("sh", ["-c", install.text], { stdio: "ignore", timeout: 5 * 60_000 })
          : spawnSync("dpkg-query", ["-W", ...packages], { stdio: "ignore" });
      expect(check.status).toBe(0);
      const built = spawnSync("sh", ["-c", build.text], { cwd: ROOT, encoding: "utf8", timeout: limitMs });
      expect(built.status).toBe(0);
      fs.accessSync(built.stdout.trim(), fs.constants.X_OK);
    },
    6 * 60_000,
  );

  test(
    "run: the shipped driver against its expectations, alone and beside zeromq.js's libzmq",
    async () => {
      const runs = commandsUnder(blocks, "Run it");
      expect(runs).toHaveLength(2);
      for (const command of runs) {
        const { code, output } = await cli(argsOf(command));
        expect({ where: command.where, code }).toEqual({ where: command.where, code: 0 });
        expect(output).toContain("verdict: nothing unexpected");
        const report = JSON.parse(fs.readFileSync(path.join(workDir, "out", "report.json"), "utf8")) as Report;
        expect(report.implementations.find((impl) => impl.id === "libzmq-c")?.version).toMatch(/libzmq-c driver/);
        expect(report.results.filter((row) => row.outcome === "error")).toEqual([]);
      }
    },
    4 * 60_000,
  );

  test(
    "a C implementer's own build, pointed at with --driver",
    async () => {
      const [command] = commandsUnder(blocks, "Writing a driver in C");
      fs.mkdirSync(path.join(workDir, "build"));
      fs.copyFileSync(driverBinary(), path.join(workDir, "build", "conformance-driver"));
      fs.chmodSync(path.join(workDir, "build", "conformance-driver"), 0o755);
      const { code, output } = await cli(argsOf(command));
      // libzmq passes every path-length scenario, so "mylib" (nothing expected of it yet) does too.
      expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining("verdict: nothing unexpected") });
      const report = JSON.parse(fs.readFileSync(path.join(workDir, "out", "report.json"), "utf8")) as Report;
      expect(report.implementations.map((impl) => impl.id)).toEqual(["mylib"]);
      expect(report.results.length).toBeGreaterThan(3);
    },
    2 * 60_000,
  );
});
