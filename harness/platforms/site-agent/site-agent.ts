import * as net from "node:net";
import * as readline from "node:readline";
import { showAddress, type AgentAddress } from "./agent-address";

/** What the agent says about its machine on a control connection's first line. */
export interface AgentFacts {
  readonly name: string;
  readonly version: string;
  readonly uname: { readonly sysname: string; readonly release: string; readonly version: string; readonly machine: string };
  readonly uid: number;
  readonly gid: number;
  readonly tmpdir: string;
}

/** What is at a path on the site (lstat/stat), "absent" when nothing is. */
export interface SiteFileInfo {
  readonly kind: "socket" | "file" | "directory" | "symlink" | "fifo" | "other" | "absent";
  readonly mode?: number;
  readonly size?: number;
  readonly uid?: number;
  readonly gid?: number;
}

/** A refusal by the site's operating system, with its errno name (ENOENT, EACCES, ...). */
export class SiteError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "SiteError";
  }
}

type Pending = { resolve: (value: unknown) => void; reject: (err: Error) => void };

/**
 * A control connection to a site agent: the filesystem requests scenarios make about the machine
 * their implementation runs on, answered in order. One connection serves a whole run.
 */
export class SiteAgent {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed: Error | undefined;

  private constructor(
    readonly address: AgentAddress,
    readonly facts: AgentFacts,
    private readonly socket: net.Socket,
    lines: AsyncIterable<string>,
  ) {
    void this.read(lines);
  }

  /** Connects and reads the agent's hello; a clear error when nothing answers within `limitMs`. */
  static async connect(address: AgentAddress, limitMs: number): Promise<SiteAgent> {
    const socket = net.connect({ port: address.port, host: address.host, noDelay: true });
    const lines = readline.createInterface({ input: socket, crlfDelay: Infinity })[Symbol.asyncIterator]();
    const where = `the site agent at ${showAddress(address)}`;
    const hello = await withLimit(
      (async () => {
        await onceConnected(socket, where);
        socket.write(`${JSON.stringify({ op: "control" })}\n`);
        const first = await lines.next();
        if (first.done === true) throw new Error(`${where} closed the connection before its hello`);
        const parsed = JSON.parse(first.value) as { agent?: AgentFacts };
        if (parsed.agent === undefined) throw new Error(`${where} did not say hello: ${first.value.slice(0, 200)}`);
        return parsed.agent;
      })(),
      limitMs,
      `${where} did not answer within ${limitMs} ms`,
    ).catch((err: Error) => {
      socket.destroy();
      throw err;
    });
    return new SiteAgent(address, hello, socket, { [Symbol.asyncIterator]: () => lines });
  }

  request<T = unknown>(op: string, fields: Record<string, unknown> = {}): Promise<T> {
    if (this.closed !== undefined) return Promise.reject(this.closed);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.socket.write(`${JSON.stringify({ id, op, ...fields })}\n`);
    });
  }

  mkdtemp(prefix: string): Promise<string> {
    return this.request<string>("mkdtemp", { prefix });
  }

  lstat(path: string): Promise<SiteFileInfo> {
    return this.request<SiteFileInfo>("lstat", { path });
  }

  rm(path: string): Promise<void> {
    return this.request<void>("rm", { path });
  }

  close(): void {
    this.closed ??= new Error(`the connection to the site agent at ${showAddress(this.address)} was closed`);
    this.socket.destroy();
  }

  private async read(lines: AsyncIterable<string>): Promise<void> {
    try {
      for await (const line of lines) {
        const answer = JSON.parse(line) as { id: number; ok: boolean; result?: unknown; error?: { code: string; message: string }; unsupported?: string };
        const waiter = this.pending.get(answer.id);
        this.pending.delete(answer.id);
        if (waiter === undefined) continue;
        if (answer.ok) waiter.resolve(answer.result ?? null);
        else if (answer.error !== undefined) waiter.reject(new SiteError(answer.error.code, answer.error.message));
        else waiter.reject(new Error(`the site agent does not know this: ${answer.unsupported}`));
      }
    } catch {
      // a broken line or connection: every waiter fails below
    }
    this.closed ??= new Error(`the site agent at ${showAddress(this.address)} closed the connection`);
    for (const waiter of this.pending.values()) waiter.reject(this.closed);
    this.pending.clear();
  }
}

function onceConnected(socket: net.Socket, where: string): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("error", (err) => reject(new Error(`cannot reach ${where}: ${err.message}`)));
  });
}

async function withLimit<T>(work: Promise<T>, limitMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), limitMs)));
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}
