import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import * as readline from "node:readline";
import type { Capability } from "../model/capability";
import {
  ImplementationError,
  type ProcessImplementation,
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
export async function spawnChildImplementation(implementationId: string): Promise<ProcessImplementation> {
  const child = spawn(process.execPath, childCommand(implementationId), {
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  let nextId = 1;
  let exited = false;

  const hello = await new Promise<ChildHello["hello"]>((resolve, reject) => {
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
      const err = new Error(`child process for ${implementationId} exited (${signal ?? code}): ${stderr.trim()}`);
      if (!greeted) reject(err);
      for (const waiter of pending.values()) waiter.reject(err);
      pending.clear();
    });
  });

  const request = (body: Record<string, unknown>): Promise<unknown> => {
    if (exited) return Promise.reject(new Error(`child process for ${implementationId} has exited`));
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
    child.kill("SIGKILL");
  });
}
