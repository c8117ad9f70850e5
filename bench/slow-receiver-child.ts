/**
 * One contender under a slow receiver, alone in this process so that its peak RSS is its own:
 * a PUSH sends 64 KiB messages as fast as it may for `durationMs` while the PULL takes one every
 * `paceMs` (the slowness is the load being measured, not a synchronisation). Prints one JSON line.
 * node dist/bench/slow-receiver-child.js <reference|zeromq|raw> <hwm> <size> <durationMs> <paceMs>
 */
import * as fs from "node:fs";
import * as net from "node:net";
import { lengthPrefixed } from "./contenders/raw-net";
import { freshPath, cleanupPaths } from "./temp-paths";

const [contender, hwmText, sizeText, durationText, paceText] = process.argv.slice(2);
const hwm = Number(hwmText);
const size = Number(sizeText);
const durationMs = Number(durationText);
const paceMs = Number(paceText);

interface Counters {
  sent: number;
  received: number;
}

async function zmqLike(zmq: typeof import("zeromq"), counters: Counters): Promise<void> {
  const path = freshPath();
  const pull = new zmq.Pull({ receiveHighWaterMark: hwm });
  const push = new zmq.Push({ sendHighWaterMark: hwm });
  await pull.bind(`ipc://${path}`);
  push.connect(`ipc://${path}`);
  const body = Buffer.alloc(size, 0x61);
  let running = true;
  const sending = (async () => {
    while (running) {
      await push.send(body);
      counters.sent++;
    }
  })().catch(() => undefined);
  const receiving = (async () => {
    while (running) {
      await pull.receive();
      counters.received++;
      await new Promise((resolve) => setTimeout(resolve, paceMs));
    }
  })().catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  running = false;
  push.linger = 0;
  pull.linger = 0;
  push.close();
  pull.close();
  await Promise.allSettled([sending, receiving]);
}

/** Raw node:net with the same bound: the receiver pauses the socket while `hwm` messages wait. */
async function raw(counters: Counters): Promise<void> {
  const path = freshPath();
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(path, resolve));
  const waiting: Buffer[] = [];
  let serverSide: net.Socket | undefined;
  server.on("connection", (socket) => {
    serverSide = socket;
    const parse = lengthPrefixed((message) => waiting.push(message));
    socket.on("data", (chunk: Buffer) => {
      parse(chunk);
      if (waiting.length >= hwm) socket.pause();
    });
    socket.on("error", () => undefined);
  });
  const take = setInterval(() => {
    if (waiting.shift() !== undefined) counters.received++;
    if (waiting.length < hwm) serverSide?.resume();
  }, paceMs);
  const client = net.createConnection(path);
  client.on("error", () => undefined);
  await new Promise<void>((resolve) => client.once("connect", resolve));
  const frame = Buffer.alloc(4 + size, 0x61);
  frame.writeUInt32BE(size, 0);
  let running = true;
  const sending = (async () => {
    while (running) {
      counters.sent++;
      if (!client.write(frame)) await new Promise((resolve) => client.once("drain", resolve));
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  running = false;
  clearInterval(take);
  client.destroy();
  serverSide?.destroy();
  await Promise.race([sending, new Promise((resolve) => setTimeout(resolve, 100))]);
  await new Promise((resolve) => server.close(resolve));
}

/**
 * This process's own peak RSS. Linux's getrusage() maxrss (process.resourceUsage().maxRSS)
 * survives exec, so a child would report its parent's size: /proc's VmHWM belongs to this
 * process image alone. Elsewhere maxRSS is the best there is.
 */
function peakResidentBytes(): number {
  try {
    const line = fs
      .readFileSync("/proc/self/status", "utf8")
      .split("\n")
      .find((l) => l.startsWith("VmHWM:"));
    if (line !== undefined) return Number(/(\d+)/.exec(line)![1]) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

async function main(): Promise<void> {
  const counters: Counters = { sent: 0, received: 0 };
  const baselineRss = process.memoryUsage().rss;
  if (contender === "raw") await raw(counters);
  else if (contender === "zeromq") await zmqLike(await import("zeromq"), counters);
  else if (contender === "reference") await zmqLike((await import("../reference")) as never, counters);
  else throw new Error(`unknown contender "${contender}"`);
  cleanupPaths();
  const peakRss = peakResidentBytes();
  process.stdout.write(`${JSON.stringify({ baselineRss, peakRss, ...counters })}\n`);
  process.exit(0);
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
