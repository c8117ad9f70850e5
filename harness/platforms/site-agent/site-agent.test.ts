/**
 * The site agent (docker/site-agent), run on this machine as a stand-in for a remote one: its
 * filesystem requests, processes started through site-exec (a driver among them, with its
 * stderr as evidence), the relay to a UNIX socket, and the errors that name what went wrong.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as readline from "node:readline";
import { DriverFault } from "../../driver/driver-connection";
import { DriverImplementation } from "../../driver/driver-implementation";
import { expectGone } from "../../driver/__tests__/helpers";
import { projectRoot } from "../../driver/shipped-drivers";
import { timeoutMultiplier } from "../../runner/limits";
import { untilGone } from "../../runner/process-tree";
import { commandsUnder, readBlocks } from "../../../docs/__tests__/code-blocks";
import { parseAgentAddress, type AgentAddress } from "./agent-address";
import { AgentFiles } from "./agent-files";
import { SiteAgent, SiteError } from "./site-agent";
import { siteExecCommand } from "./site-exec-command";
import { connectThroughAgent } from "./site-relay";

const ROOT = projectRoot();
const limitMs = 10_000 * timeoutMultiplier();

function build(script: string): string | undefined {
  const built = spawnSync("sh", [script, "--build"], { cwd: ROOT, encoding: "utf8", timeout: 4 * limitMs });
  return built.status === 0 ? built.stdout.trim() : undefined;
}
const agentBinary = build("docker/site-agent/run.sh");
const driverBinary = build("drivers/libzmq-c/run.sh");

test("the agent and the C driver build here (scripts/setup-drivers.sh installs what they need)", () => {
  if ((agentBinary === undefined || driverBinary === undefined) && process.env.CI === "true") {
    throw new Error("the site agent or the C driver does not build: apt-get install -y gcc libc6-dev pkg-config libzmq3-dev libjansson-dev");
  }
  if (agentBinary === undefined || driverBinary === undefined) console.warn("NOT RUN: the site agent or the C driver does not build here");
  expect(true).toBe(true);
});

describe("a site agent on this machine", () => {
  if (agentBinary === undefined || driverBinary === undefined) return;
  let agentProcess: ChildProcess;
  let address: AgentAddress;
  let agent: SiteAgent;
  let dir: string;

  beforeAll(async () => {
    // As its README starts it.
    const [command] = commandsUnder(readBlocks(path.join(ROOT, "docker/site-agent/README.md"), "docker/site-agent/README.md"), "Site agent");
    agentProcess = spawn("sh", ["-c", `exec ${command.text.replace(/\s+#.*$/, "")}`], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    const first = await readline.createInterface({ input: agentProcess.stdout! })[Symbol.asyncIterator]().next();
    address = parseAgentAddress(String(first.value).replace(/^listening /, ""));
    agent = await SiteAgent.connect(address, limitMs);
    dir = await agent.mkdtemp(path.join(os.tmpdir(), "zic-site-agent-test-"));
  }, 4 * limitMs);
  afterAll(async () => {
    if (dir !== undefined) await agent.rm(dir);
    agent?.close();
    agentProcess?.kill("SIGKILL");
  });

  test("says what machine it is on", () => {
    expect(agent.facts).toMatchObject({ name: "zic-site-agent", uname: { sysname: os.type(), machine: os.arch() === "x64" ? "x86_64" : expect.any(String) } });
    expect(agent.facts.uid).toBe(process.getuid?.());
  });

  test("files: made, read, listed, moved, linked, their kinds and modes, removed as a tree", async () => {
    const files = new AgentFiles(agent);
    const file = path.join(dir, "a.txt");
    await agent.request("writeFile", { path: file, data: Buffer.from("hello").toString("base64"), mode: 0o640 });
    expect(await agent.request("readFile", { path: file })).toBe(Buffer.from("hello").toString("base64"));
    expect(await agent.lstat(file)).toMatchObject({ kind: "file", mode: 0o640 & ~process.umask(), size: 5 });
    await agent.request("mkdir", { path: path.join(dir, "sub") });
    await agent.request("chmod", { path: path.join(dir, "sub"), mode: 0o500 });
    expect(await agent.lstat(path.join(dir, "sub"))).toMatchObject({ kind: "directory", mode: 0o500 });
    await agent.request("mkfifo", { path: path.join(dir, "fifo") });
    await agent.request("symlink", { path: path.join(dir, "link"), target: "a.txt" });
    expect(await agent.request("readlink", { path: path.join(dir, "link") })).toBe("a.txt");
    expect(await agent.lstat(path.join(dir, "link"))).toMatchObject({ kind: "symlink" });
    expect(await agent.request("stat", { path: path.join(dir, "link") })).toMatchObject({ kind: "file" });
    await agent.request("rename", { path: file, to: path.join(dir, "b.txt") });
    expect(await files.list(dir)).toEqual(["b.txt", "fifo", "link", "sub"]);
    expect(await agent.lstat(path.join(dir, "fifo"))).toMatchObject({ kind: "fifo" });
    expect(await agent.lstat(path.join(dir, "nothing"))).toEqual({ kind: "absent" });

    // rm removes a tree with an unwritable directory in it, and never follows a link out of it.
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "zic-site-agent-outside-"));
    fs.writeFileSync(path.join(outside, "keep"), "kept");
    const tree = path.join(dir, "tree");
    await agent.request("mkdir", { path: tree });
    await agent.request("symlink", { path: path.join(tree, "out"), target: outside });
    await agent.request("mkdir", { path: path.join(tree, "locked") });
    await agent.request("chmod", { path: path.join(tree, "locked"), mode: 0o500 });
    await agent.rm(tree);
    expect(await agent.lstat(tree)).toEqual({ kind: "absent" });
    expect(fs.readFileSync(path.join(outside, "keep"), "utf8")).toBe("kept");
    fs.rmSync(outside, { recursive: true });
  });

  test("ctx.files on the site: a tree with a name that is not UTF-8, a stale socket, recursive mkdir", async () => {
    const files = new AgentFiles(agent);
    const root = path.join(dir, "walk");
    await files.mkdir(path.join(root, "a", "b"), { recursive: true });
    // "€" cut after its first byte: a name only raw bytes can spell.
    const cut = Buffer.concat([Buffer.from(path.join(root, "a", "x")), Buffer.from("€").subarray(0, 1)]);
    fs.writeFileSync(cut, "raw"); // the agent runs on this machine: made here, seen there
    expect(await files.kind(cut)).toBe("file");
    expect(await files.tree(root)).toEqual(["a", "a/b", `a/x\ufffd`]);
    expect(await files.tree(path.join(dir, "no-such-root"))).toEqual([]);
    await files.staleSocket(path.join(root, "stale.sock"));
    expect(await files.kind(path.join(root, "stale.sock"))).toBe("socket");
    await expect(files.mode(path.join(root, "missing"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  test("refusals carry the errno name; an op it does not know says so", async () => {
    await expect(agent.request("mkdir", { path: dir })).rejects.toEqual(new SiteError("EEXIST", `mkdir ${dir}: File exists`));
    await expect(agent.request("readFile", { path: path.join(dir, "missing") })).rejects.toMatchObject({ code: "ENOENT" });
    await expect(agent.request("connect", { path: path.join(dir, "missing.sock") })).rejects.toMatchObject({ code: "ENOENT" });
    await expect(agent.request("teleport", { path: dir })).rejects.toThrow('the site agent does not know this: unknown op "teleport"');
  });

  test("site-exec relays stdin, stdout, stderr and the exit status, a MiB at a time", () => {
    const input = Buffer.alloc(1024 * 1024 + 3, 7);
    const { command, env } = siteExecCommand(address, dir, ["sh", "-c", "cat; echo done >&2; exit 3"]);
    const ran = spawnSync(command[0], command.slice(1), { input, env, timeout: limitMs, maxBuffer: 8 * 1024 * 1024 });
    expect(ran.status).toBe(3);
    expect(Buffer.compare(ran.stdout, input)).toBe(0);
    expect(ran.stderr.toString()).toBe("done\n");
  });

  test("what is still in the pipe when the process exits is relayed in full, then the exit", async () => {
    // The agent is stopped while the process writes 48 KiB (three of the agent's reads, less than
    // a pipe holds) and exits: when it wakes, the exit and the output are ready at once.
    await agent.request("mkfifo", { path: path.join(dir, "go") });
    const script = "echo started $$ >&2; cat go >/dev/null; head -c 49152 /dev/zero; exit 3";
    const { command, env } = siteExecCommand(address, dir, ["sh", "-c", script]);
    const exec = spawn(command[0], command.slice(1), { env, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    exec.stdout!.on("data", (chunk: Buffer) => stdout.push(chunk));
    const status = new Promise<number | null>((resolve) => exec.on("close", resolve));
    const started = await readline.createInterface({ input: exec.stderr! })[Symbol.asyncIterator]().next();
    const shell = Number(/^started (\d+)$/.exec(String(started.value))![1]);
    process.kill(agentProcess.pid!, "SIGSTOP");
    try {
      await (await fs.promises.open(path.join(dir, "go"), "w")).close();
      expect(await untilGone([shell], limitMs)).toEqual([]); // exited; the stopped agent has not reaped it
    } finally {
      process.kill(agentProcess.pid!, "SIGCONT");
    }
    expect(await status).toBe(3);
    const relayed = Buffer.concat(stdout);
    expect(relayed.length).toBe(49152);
    expect(relayed.every((octet) => octet === 0)).toBe(true);
  });

  test("a program the site cannot start is named with the site's reason", () => {
    const { command, env } = siteExecCommand(address, dir, ["/nonexistent/driver"]);
    const ran = spawnSync(command[0], command.slice(1), { env, encoding: "utf8", timeout: limitMs });
    expect(ran.status).toBe(125);
    expect(ran.stderr).toContain("site-exec: the site could not start /nonexistent/driver: exec /nonexistent/driver: No such file or directory (ENOENT)");
  });

  test("a driver on the site: sockets work, its files are the site's, and killing it ends it there", async () => {
    const { command, env } = siteExecCommand(address, dir, [driverBinary]);
    const driver = await DriverImplementation.start("libzmq-c@site", { command, spawnOptions: { env } });
    const remotePid = driver.hello.pid!;
    const endpoint = `ipc://${dir}/pipe.sock`;
    const pull = await driver.createSocket("PULL", { linger: 0 });
    await pull.bind(endpoint);
    expect(await agent.lstat(path.join(dir, "pipe.sock"))).toMatchObject({ kind: "socket" });
    const push = await driver.createSocket("PUSH", { linger: 0 });
    await push.connect(endpoint);
    await push.send(["over", "the site"]);
    expect((await pull.receive(limitMs)).map(String)).toEqual(["over", "the site"]);

    // A raw peer on this side reaches the bound socket through the agent and gets libzmq's greeting.
    const raw = await connectThroughAgent(address, path.join(dir, "pipe.sock"));
    raw.write(Buffer.from([0xff, 0, 0, 0, 0, 0, 0, 0, 1, 0x7f, 3]));
    const greeting = await new Promise<Buffer>((resolve) => {
      let got = Buffer.alloc(0);
      raw.on("data", (chunk: Buffer) => {
        got = Buffer.concat([got, chunk]);
        if (got.length >= 11) resolve(got);
      });
    });
    expect([...greeting.subarray(0, 11)]).toEqual([0xff, 0, 0, 0, 0, 0, 0, 0, 1, 0x7f, 3]);
    raw.destroy();
    await expect(connectThroughAgent(address, path.join(dir, "nobody.sock"))).rejects.toMatchObject({ code: "ENOENT" });

    await driver.kill();
    await expectGone(remotePid, limitMs); // the agent killed the driver's group when site-exec's connection closed
  });

  test("a driver that breaks the protocol on the site: its stderr is the fault's evidence", async () => {
    // A long explanation (several pipes' worth) then the breach: the agent reads stderr 16 KiB at
    // a time, so stderr is still being relayed when stdout becomes readable. The harness kills the
    // driver at the breach; what stderr held before it must have reached this side first.
    const script = "yes 'an explanation' | head -n 20000 >&2; printf 'before the breach\\n' >&2; printf 'not json\\n'; sleep 5";
    for (let attempt = 0; attempt < 5; attempt++) {
      const { command, env } = siteExecCommand(address, dir, ["sh", "-c", script]);
      const started = DriverImplementation.start("broken@site", { command, spawnOptions: { env } });
      await expect(started).rejects.toBeInstanceOf(DriverFault);
      await expect(started).rejects.toThrow(/before the breach/);
    }
  });

  test("an agent nobody runs is a clear error", async () => {
    await expect(SiteAgent.connect({ host: "127.0.0.1", port: 1 }, limitMs)).rejects.toThrow(/^cannot reach the site agent at 127\.0\.0\.1:1: /);
    expect(() => parseAgentAddress("localhost")).toThrow('a site agent\'s address is HOST:PORT (e.g. 127.0.0.1:7117), not "localhost"');
  });
});
