import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import * as readline from "node:readline";
import type { Capability } from "../model/capability";
import {
  ImplementationError,
  type ProcessImplementation,
  type SpawnOptions,
  type SocketType,
  type TestSocket,
  type TestSocketOptions,
} from "../adapters/implementation";
import { decodeFrames, encodeFrames, type ChildHello, type ChildResponse } from "./child-protocol";

/** How to start child-main: compiled JS runs directly; under ts-jest the TS source runs through ts-node. */
function childCommand(implementationId: string): string[] {
  const main = path.join(__dirname, `child-main${path.extname(__filename)}`);
  const preload = __filename.endsWith(".ts") ? ["-r", require.resolve("ts-node/register/transpile-only")] : [];
  return [...preload, main, implementationId];
}

/** Starts an in-process implementation in a child process and returns a proxy to it. */
export function spawnChildImplementation(implementationId: string, options: SpawnOptions = {}): Promise<ProcessImplementation> {
  const child = spawn(process.execPath, childCommand(implementationId), {
    stdio: ["pipe", "pipe", "pipe"],
    ...(options.uid !== undefined ? { uid: options.uid } : {}),
    ...(options.gid !== undefined ? { gid: options.gid } : {}),
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
  });
  return attachProcess(child, implementationId, HELLO_LIMIT_MS);
}

/**
 * Starts a driver: any program speaking the line protocol of child-protocol.ts on its
 * stdin/stdout (`--driver NAME=COMMAND`). The command runs through the shell, as typed.
 */
export function startDriver(name: string, command: string, helloLimitMs = HELLO_LIMIT_MS): Promise<ProcessImplementation> {
  // Its own process group, so that killing it also ends whatever the shell started.
  const child = spawn(command, { shell: true, detached: true, stdio: ["pipe", "pipe", "pipe"] });
  groupLeaders.add(child);
  return attachProcess(child, `driver ${name} (${command})`, helloLimitMs).then((impl) => ({ ...impl, id: name }));
}

/** How long a process may take to say hello before it counts as not starting. */
const HELLO_LIMIT_MS = 15_000;

async function attachProcess(child: ChildProcess, implementationId: string, helloLimitMs: number): Promise<ProcessImplementation> {
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  let nextId = 1;
  let exited = false;

  const hello = await new Promise<ChildHello["hello"]>((resolve, reject) => {
    const timer = setTimeout(() => {
      void killChild(child);
      reject(new Error(`${implementationId} did not say hello within ${helloLimitMs} ms${stderr ? `; stderr: ${stderr.trim()}` : ""}`));
    }, helloLimitMs);
    child.once("error", (err) => {
      clearTimeout(timer);
      reject(new Error(`${implementationId} could not be started: ${err.message}`));
    });
    const lines = readline.createInterface({ input: child.stdout! });
    let greeted = false;
    lines.on("line", (line) => {
      let message: ChildHello | ChildResponse;
      try {
        message = JSON.parse(line);
      } catch {
        return; // not a protocol line: ignored, stderr has the story
      }
      if (!greeted && "hello" in message) {
        greeted = true;
        clearTimeout(timer);
        return resolve(message.hello);
      }
      const response = message as ChildResponse;
      const waiter = pending.get(response.id);
      if (waiter === undefined) return;
      pending.delete(response.id);
      if (response.ok) waiter.resolve(response.result);
      else waiter.reject(new ImplementationError(response.code, response.message));
    });
    child.once("exit", (code, signal) => {
      exited = true;
      clearTimeout(timer);
      const err = new Error(`${implementationId} exited (${signal ?? `code ${code}`})${stderr ? `: ${stderr.trim()}` : ""}`);
      if (!greeted) reject(err);
      for (const waiter of pending.values()) waiter.reject(err);
      pending.clear();
    });
  });

  const request = (body: Record<string, unknown>): Promise<unknown> => {
    if (exited) return Promise.reject(new Error(`${implementationId} has exited`));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      child.stdin!.write(`${JSON.stringify({ id, ...body })}\n`);
    });
  };

  const proxySocket = (socket: number, type: SocketType): TestSocket => {
    const call = (method: string, ...args: unknown[]) => request({ op: "call", socket, method, args });
    return {
      type,
      bind: async (endpoint) => void (await call("bind", endpoint)),
      unbind: async (endpoint) => void (await call("unbind", endpoint)),
      connect: async (endpoint) => void (await call("connect", endpoint)),
      disconnect: async (endpoint) => void (await call("disconnect", endpoint)),
      send: async (frames) => void (await call("send", encodeFrames(frames))),
      receive: async (timeoutMs) => decodeFrames((await call("receive", timeoutMs)) as string[]),
      subscribe: async (topic) => void (await call("subscribe", Buffer.from(topic).toString("base64"))),
      unsubscribe: async (topic) => void (await call("unsubscribe", Buffer.from(topic).toString("base64"))),
      lastEndpoint: async () => (await call("lastEndpoint")) as string | null,
      close: async () => void (await call("close")),
    };
  };

  return {
    id: hello.id,
    name: hello.name,
    version: hello.version,
    capabilities: hello.capabilities as Capability[],
    pid: hello.pid,
    async createSocket(type: SocketType, options: TestSocketOptions = {}) {
      const socket = (await request({ op: "create", type, options })) as number;
      return proxySocket(socket, type);
    },
    kill: () => killChild(child),
  };
}

function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    try {
      // A detached child leads its own process group: end the whole group.
      if (child.pid !== undefined && groupLeaders.has(child)) process.kill(-child.pid, "SIGKILL");
      else child.kill("SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
  });
}

/** Drivers started detached, each leading a process group of its own. */
const groupLeaders = new WeakSet<ChildProcess>();
