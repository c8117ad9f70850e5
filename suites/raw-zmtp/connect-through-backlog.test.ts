import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { connectThroughBacklog, connected } from "./connect-through-backlog";

/**
 * A listener whose process does not accept until told: it listens with a backlog of 1 (Node reads 0 as "the default", 511), says
 * "listening", then blocks its event loop on a synchronous read of stdin, so connections queue
 * in the kernel until the backlog is full and further connects are refused with EAGAIN.
 */
const STALLED_LISTENER = `
const net = require("node:net");
const fs = require("node:fs");
const server = net.createServer((socket) => socket.destroy());
server.listen({ path: process.argv[1], backlog: 1 }, () => {
  process.stdout.write("listening\\n");
  fs.readSync(0, Buffer.alloc(1)); // fd 0 stays blocking: process.stdin (which would make it non-blocking) is never touched
});
`;

let dir: string;
let listener: ChildProcess;
const opened: net.Socket[] = [];

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zic-backlog-"));
  listener = spawn(process.execPath, ["-e", STALLED_LISTENER, path.join(dir, "stalled.sock")], { stdio: ["pipe", "pipe", "inherit"] });
  await once(listener.stdout!, "data");
});

afterEach(async () => {
  for (const socket of opened) socket.destroy();
  opened.length = 0;
  if (listener.exitCode === null) {
    listener.kill();
    await once(listener, "exit");
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Connects until the kernel refuses with EAGAIN: the listener's backlog is then full. */
async function fillBacklog(socketPath: string): Promise<void> {
  for (let i = 0; i < 64; i++) {
    const socket = net.createConnection({ path: socketPath });
    opened.push(socket);
    const outcome = await connected(socket, 2000);
    if (outcome === "error EAGAIN") return;
    expect(outcome).toBe("connected");
  }
  throw new Error("64 connects queued without an EAGAIN: the listener's backlog never filled");
}

test("a connect the full backlog refuses is retried until the listener accepts, and the refusals are counted", async () => {
  const socketPath = path.join(dir, "stalled.sock");
  await fillBacklog(socketPath);
  const connecting = connectThroughBacklog(socketPath, 10_000);
  // Let the first retries be refused, then let the listener's event loop run (it accepts the queue).
  const firstRefusalSeen = await connectThroughBacklog(socketPath, 1);
  expect(firstRefusalSeen.outcome).toBe("error EAGAIN");
  listener.stdin!.write("go");
  const result = await connecting;
  expect(result.outcome).toBe("connected");
  expect(result.refusals).toBeGreaterThan(0);
  opened.push(result.socket!);
});

test("a connect still refused when the limit runs out reports EAGAIN", async () => {
  const socketPath = path.join(dir, "stalled.sock");
  await fillBacklog(socketPath);
  const result = await connectThroughBacklog(socketPath, 50);
  expect(result.socket).toBeNull();
  expect(result.outcome).toBe("error EAGAIN");
});

test("a refusal other than EAGAIN is not retried", async () => {
  const result = await connectThroughBacklog(path.join(dir, "nothing-here.sock"), 10_000);
  expect(result.socket).toBeNull();
  expect(result.outcome).toBe("error ENOENT");
  expect(result.refusals).toBe(0);
});
