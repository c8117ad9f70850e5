import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import type { PlatformIpc } from "../model/platform-limits";
import type { Capability } from "../model/capability";
import type { CheckRecord } from "../model/outcome";
import {
  ImplementationError,
  type Implementation,
  type ProcessImplementation,
  type SocketType,
  type SpawnOptions,
  type TestSocket,
  type TestSocketOptions,
} from "../adapters/implementation";
import type { ContainerSites, Site } from "../platforms/sites";
import { ARRIVAL_LIMIT_MS, SILENCE_LIMIT_MS } from "./limits";
import { Skipped, Unsupported, Violation } from "./verdicts";

/** The outcome of a call that may legitimately fail: the scenario decides what it means. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

/**
 * What a scenario gets: its private directory, the implementation(s) under test, limits scaled
 * by the multiplier, and helpers that record every check for the report. Everything opened
 * through the context is closed by the runner afterwards, whatever happened.
 */
export class ScenarioContext {
  readonly checks: CheckRecord[] = [];
  readonly observations: Record<string, unknown> = {};
  private readonly sockets: TestSocket[] = [];
  private readonly processes: ProcessImplementation[] = [];
  private readonly cleanups: Array<() => void | Promise<void>> = [];
  /**
   * Set by dispose(). A scenario that ran past its limit goes on in the background: whatever it
   * opens after that is closed at once (it would otherwise be left open, or left running, for good).
   */
  private disposed = false;

  constructor(
    /** A fresh directory for this scenario alone. */
    readonly dir: string,
    /** The implementation under test (the binder in pair scenarios). */
    readonly impl: Implementation,
    /** Pair scenarios: who binds and who connects. Both are `impl` in single scenarios. */
    readonly binder: Implementation,
    readonly connecter: Implementation,
    readonly platform: PlatformIpc,
    readonly multiplier: number,
    /** Whether the scenario declared `exclusive` (it may change process-wide state). */
    private readonly exclusive = false,
    /** Container platforms only: where "separate-containers" scenarios start their implementations. */
    private readonly sites?: ContainerSites,
  ) {}

  limit(baseMs: number): number {
    return Math.round(baseMs * this.multiplier);
  }

  path(...names: string[]): string {
    return path.join(this.dir, ...names);
  }

  endpoint(...names: string[]): string {
    return `ipc://${this.path(...names)}`;
  }

  requires(capability: Capability, implementation: Implementation = this.impl): void {
    if (!implementation.capabilities.includes(capability)) {
      throw new Unsupported(`${implementation.id} does not declare "${capability}"`);
    }
  }

  skip(reason: string): never {
    throw new Skipped(reason);
  }

  /**
   * A socket, closed by the runner afterwards. Linger defaults to 0: a libzmq socket left with
   * undeliverable messages and linger -1 would otherwise hold its process at exit forever.
   */
  async socket(implementation: Implementation, type: SocketType, options?: TestSocketOptions): Promise<TestSocket> {
    this.assertLive("socket");
    const socket = await implementation.createSocket(type, { linger: 0, ...options });
    if (this.disposed) {
      await socket.close().catch(() => undefined);
      this.assertLive("socket");
    }
    this.sockets.push(socket);
    return socket;
  }

  /** The implementation in a second process (its sockets die with it). */
  async spawn(implementation: Implementation = this.impl, options?: SpawnOptions): Promise<ProcessImplementation> {
    this.requires("child-process", implementation);
    if (implementation.spawnProcess === undefined) throw new Unsupported(`${implementation.id} cannot run in a child process`);
    this.assertLive("spawn");
    const child = await implementation.spawnProcess(options);
    return this.keepProcess(child, "spawn");
  }

  /**
   * The implementation (by id) in a driver process inside one of the platform's containers,
   * ended by the runner afterwards. Capabilities are those it declares there: a container's
   * runtime may differ from the host's.
   */
  async inContainer(implementation: Implementation, site: Site): Promise<ProcessImplementation> {
    if (this.sites === undefined) throw new Skipped("needs separate containers: runs only on a container platform");
    this.assertLive("inContainer");
    const child = await this.sites.start(implementation.id, site);
    return this.keepProcess(child, "inContainer");
  }

  private async keepProcess(child: ProcessImplementation, what: string): Promise<ProcessImplementation> {
    if (this.disposed) {
      await child.kill().catch(() => undefined);
      this.assertLive(what);
    }
    this.processes.push(child);
    return child;
  }

  private assertLive(what: string): void {
    if (this.disposed) throw new Error(`ctx.${what}() after the scenario ended (it ran past its limit): refused, and anything it opened was closed`);
  }

  /**
   * Sets (string) or unsets (null) environment variables until the scenario ends, both in
   * Node's view and in the C environment that libzmq's getenv() reads: under jest, `process.env`
   * is a plain copy whose writes never reach setenv(3), so the main context's process is
   * written too. Only implementations in this process see it (a driver has its own environment).
   */
  async setEnv(values: Record<string, string | null>): Promise<void> {
    this.assertExclusive("setEnv");
    this.assertLive("setEnv");
    for (const driven of this.drivenImplementations()) {
      // A driver started with the harness's environment: restore it to that.
      const previous = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name] ?? null]));
      await driven.setEnv(values);
      this.defer(() => driven.setEnv(previous).catch(() => undefined));
    }
    const envs = [...new Set([process.env, (vm.runInThisContext("process") as NodeJS.Process).env])];
    for (const env of envs) {
      for (const [name, value] of Object.entries(values)) {
        const previous = env[name];
        this.defer(() => {
          if (previous === undefined) delete env[name];
          else env[name] = previous;
        });
        if (value === null) delete env[name];
        else env[name] = value;
      }
    }
  }

  /** Makes `dir` the working directory until the scenario ends. */
  async chdir(dir: string): Promise<void> {
    this.assertExclusive("chdir");
    this.assertLive("chdir");
    const previous = process.cwd();
    for (const driven of this.drivenImplementations()) {
      await driven.chdir(dir);
      this.defer(() => driven.chdir(previous).catch(() => undefined));
    }
    process.chdir(dir);
    this.defer(() => process.chdir(previous));
  }

  /** Implementations in other processes taking part: they get the same environment and directory. */
  private drivenImplementations(): Array<{ setEnv(vars: Record<string, string | null>): Promise<void>; chdir(dir: string): Promise<void> }> {
    const all = [this.binder, this.connecter, ...this.processes] as unknown[];
    return [...new Set(all)].filter((impl): impl is { setEnv(v: Record<string, string | null>): Promise<void>; chdir(d: string): Promise<void> } =>
      typeof (impl as { setEnv?: unknown }).setEnv === "function",
    );
  }

  /**
   * Sets this process's umask until the scenario ends. Implementations in this process, and
   * child processes started after it (ctx.spawn), create files under it.
   */
  setUmask(mask: number): void {
    this.assertExclusive("setUmask");
    const previous = process.umask(mask);
    this.defer(() => {
      process.umask(previous);
    });
  }

  private assertExclusive(what: string): void {
    // Under --jobs, another scenario would see the change: only exclusive ones run alone.
    if (!this.exclusive) throw new Error(`ctx.${what}() changes process-wide state: the scenario must declare exclusive: true`);
  }

  defer(cleanup: () => void | Promise<void>): void {
    // After dispose nothing would run it: run it now, just after the caller's synchronous step
    // (setEnv defers the restore and then sets the variable: a late change is put back at once).
    if (this.disposed) void Promise.resolve().then(cleanup).catch(() => undefined);
    else this.cleanups.push(cleanup);
  }

  /** Records a check; throws a Violation (the scenario's verdict) when it does not hold. */
  check<T>(what: string, observed: T, acceptable: T | ((value: T) => boolean), expected?: string): void {
    const ok = typeof acceptable === "function" ? (acceptable as (value: T) => boolean)(observed) : sameValue(observed, acceptable);
    const record: CheckRecord = {
      what,
      expected: expected ?? describe(acceptable),
      observed: describe(observed),
      ok,
    };
    this.checks.push(record);
    if (!ok) throw new Violation(what, record.expected, record.observed);
  }

  /** Records a value without judging it (INFO scenarios, and context for failures). */
  observe(key: string, value: unknown): void {
    this.observations[key] = value;
  }

  /** Runs a call that may be refused, capturing the errno name instead of throwing. */
  async attempt<T>(call: () => Promise<T>): Promise<Attempt<T>> {
    try {
      return { ok: true, value: await call() };
    } catch (err) {
      if (err instanceof ImplementationError) return { ok: false, code: err.code, message: err.message };
      throw err;
    }
  }

  /** Expects a call to fail with one of the given errno names. */
  async expectError(what: string, call: () => Promise<unknown>, codes: string[]): Promise<string> {
    const result = await this.attempt(call);
    const observed = result.ok ? "success" : result.code;
    this.check(what, observed, (value) => codes.includes(value), `error ${codes.join(" or ")}`);
    return observed;
  }

  /** Expects a call to succeed; a refusal is a violation naming the errno. */
  async expectSuccess<T>(what: string, call: () => Promise<T>): Promise<T> {
    const result = await this.attempt(call);
    this.check(what, result.ok ? "success" : `error ${result.code} (${result.message})`, "success");
    return (result as { ok: true; value: T }).value;
  }

  /** Waits for the next message, bounded by the arrival limit. */
  async receive(socket: TestSocket, what: string, baseMs = ARRIVAL_LIMIT_MS): Promise<Buffer[]> {
    const limit = this.limit(baseMs);
    const result = await this.attempt(() => socket.receive(limit));
    if (!result.ok) {
      const observed = result.code === "EAGAIN" ? `nothing within ${limit} ms` : `error ${result.code}`;
      this.check(what, observed, "a message");
    }
    return (result as { ok: true; value: Buffer[] }).value;
  }

  /** Expects a message equal to `frames` (as strings) next. */
  async expectMessage(socket: TestSocket, what: string, frames: Array<string | Buffer>, baseMs = ARRIVAL_LIMIT_MS): Promise<void> {
    const received = await this.receive(socket, what, baseMs);
    this.check(what, showFrames(received), showFrames(frames.map((f) => Buffer.from(f))));
  }

  /**
   * Sends probes until one arrives: for moments when the path changes hands and a message in
   * flight on the dying connection may legitimately be lost. Each probe waits for its own arrival.
   */
  async probeUntilReceived(sender: TestSocket, receiver: TestSocket, what: string, baseMs = ARRIVAL_LIMIT_MS): Promise<Buffer[]> {
    const deadline = Date.now() + this.limit(baseMs);
    for (let probe = 0; ; probe++) {
      await sender.send([`probe-${probe}`]);
      const result = await this.attempt(() => receiver.receive(this.limit(50)));
      if (result.ok) return result.value;
      if (Date.now() > deadline) this.check(what, `no probe arrived within ${this.limit(baseMs)} ms`, "a probe arrives");
    }
  }

  /** Expects NOTHING to arrive for the silence limit: the one wait that costs its full length. */
  async expectSilence(socket: TestSocket, what: string, baseMs = SILENCE_LIMIT_MS): Promise<void> {
    const result = await this.attempt(() => socket.receive(this.limit(baseMs)));
    this.check(what, result.ok ? `message ${showFrames(result.value)}` : "nothing", "nothing");
  }

  /** Waits until a condition on the filesystem (or anything synchronous) holds, polling per event-loop turn. */
  async until(what: string, condition: () => boolean, baseMs = ARRIVAL_LIMIT_MS): Promise<void> {
    const deadline = Date.now() + this.limit(baseMs);
    while (!condition()) {
      if (Date.now() > deadline) this.check(what, `not within ${this.limit(baseMs)} ms`, "true");
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  fileKind(p: string): string {
    try {
      const stat = fs.lstatSync(p);
      if (stat.isSocket()) return "socket";
      if (stat.isFile()) return "file";
      if (stat.isDirectory()) return "directory";
      if (stat.isSymbolicLink()) return "symlink";
      if (stat.isFIFO()) return "fifo";
      return "other";
    } catch {
      return "absent";
    }
  }

  /** Called by the runner: closes every socket, ends every child process, runs deferred cleanups. */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const socket of this.sockets.splice(0)) await socket.close().catch(() => undefined);
    for (const child of this.processes.splice(0)) await child.kill().catch(() => undefined);
    for (const cleanup of this.cleanups.splice(0).reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  }
}

export function showFrames(frames: Buffer[]): string {
  return `[${frames.map((frame) => (isPrintable(frame) ? JSON.stringify(frame.toString()) : `0x${frame.toString("hex").slice(0, 64)}${frame.length > 32 ? `…(${frame.length} B)` : ""}`)).join(", ")}]`;
}

function isPrintable(frame: Buffer): boolean {
  return frame.length <= 64 && /^[\x20-\x7e]*$/.test(frame.toString("latin1"));
}

function sameValue(a: unknown, b: unknown): boolean {
  return describe(a) === describe(b);
}

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "function") return "a value meeting the scenario's condition";
  return JSON.stringify(value);
}
