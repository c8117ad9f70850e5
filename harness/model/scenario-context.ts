import type { PlatformIpc } from "./platform-limits";
import type { Capability } from "./capability";
import type { CheckRecord } from "./outcome";
import type { Implementation, ProcessImplementation, SocketType, SpawnOptions, TestSocket, TestSocketOptions } from "./implementation";
import type { Site } from "./sites";
import type { SiteFiles } from "./site-files";
import type { RemoteMachine } from "./remote-machine";
import type { TranscriptRecorder } from "./transcript";

/** The outcome of a call that may legitimately fail: the scenario decides what it means. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

/**
 * What a scenario's run() gets (`ctx`): its private directory, the implementation(s) under test,
 * limits scaled by the multiplier, and helpers that record every check for the report.
 * Everything opened through it is closed by the runner afterwards, whatever happened. Waits are
 * bounded by a base limit (harness/runner/limits.ts) times the multiplier, and one that runs out
 * is a failed check naming what did not happen. The runner implements it (harness/runner/context.ts).
 */
export interface ScenarioContext {
  /** A fresh directory for this scenario alone, removed after it (on the machine the implementations run on). */
  readonly dir: string;
  /**
   * The filesystem of the machine the implementations run on: this one, or a remote site's
   * (a FreeBSD guest). Scenarios look at and prepare files through it, never through node:fs.
   */
  readonly files: SiteFiles;
  /** Set when the implementations run on another machine than the harness (a FreeBSD guest). */
  readonly remote?: RemoteMachine;
  /** The implementation under test: the binder in pair scenarios. */
  readonly impl: Implementation;
  /** Who binds and who connects (both `impl` in single-implementation scenarios). */
  readonly binder: Implementation;
  readonly connecter: Implementation;
  /** What the operating system allows an ipc endpoint here (path length, abstract names). */
  readonly platform: PlatformIpc;
  readonly multiplier: number;
  /** The checks recorded so far, for the report. */
  readonly checks: CheckRecord[];
  /** The values observed so far (observe()), for the report. */
  readonly observations: Record<string, unknown>;
  /**
   * Where wire tools write the cell's conversations down (raw peers, the recording relay);
   * undefined unless the run records transcripts (`run --trace`).
   */
  readonly transcript?: TranscriptRecorder;

  /** baseMs times the multiplier. */
  limit(baseMs: number): number;
  /** A path in the scenario's directory. */
  path(...names: string[]): string;
  /** `ipc://` + path(...names). */
  endpoint(...names: string[]): string;
  /** Ends the scenario as unsupported unless the implementation declares the capability. */
  requires(capability: Capability, implementation?: Implementation): void;
  /** Ends the scenario as skipped, with the reason. */
  skip(reason: string): never;

  // ---- resources: closed by the runner afterwards ----------------------------------------------
  /**
   * A socket. Linger defaults to 0: a libzmq socket left with undeliverable messages and
   * linger -1 would otherwise hold its process at exit forever.
   */
  socket(implementation: Implementation, type: SocketType, options?: TestSocketOptions): Promise<TestSocket>;
  /** The implementation in a second process (its sockets die with it); needs "child-process". */
  spawn(implementation?: Implementation, options?: SpawnOptions): Promise<ProcessImplementation>;
  /**
   * The implementation (by id) in a driver process inside one of the platform's containers.
   * Capabilities are those it declares there: a container's runtime may differ from the host's.
   */
  inContainer(implementation: Implementation, site: Site): Promise<ProcessImplementation>;
  /** Runs `cleanup` when the scenario ends (in reverse order of deferral). */
  defer(cleanup: () => void | Promise<void>): void;

  // ---- process-wide state, until the scenario ends (scenarios that declare exclusive) ----------
  /**
   * Sets (string) or unsets (null) environment variables, in Node's view, in the C environment
   * libzmq's getenv() reads, and in the processes of driven implementations.
   */
  setEnv(values: Record<string, string | null>): Promise<void>;
  /** Makes `dir` the working directory, here and in the processes of driven implementations. */
  chdir(dir: string): Promise<void>;
  /** Sets this process's umask: implementations in it, and processes started after, create files under it. */
  setUmask(mask: number): void;

  // ---- checks ---------------------------------------------------------------------------------
  /** Records a check; throws a Violation (the scenario's verdict) when it does not hold. */
  check<T>(what: string, observed: T, acceptable: T | ((value: T) => boolean), expected?: string): void;
  /** Records a value without judging it (INFO scenarios, and context for failures). */
  observe(key: string, value: unknown): void;
  /** Runs a call that may be refused, capturing the errno name instead of throwing. */
  attempt<T>(call: () => Promise<T>): Promise<Attempt<T>>;
  /** Expects a call to fail with one of the given errno names; returns what it gave. */
  expectError(what: string, call: () => Promise<unknown>, codes: string[]): Promise<string>;
  /** Expects a call to succeed; a refusal is a violation naming the errno. */
  expectSuccess<T>(what: string, call: () => Promise<T>): Promise<T>;

  // ---- waits ----------------------------------------------------------------------------------
  /** Waits for the next message, bounded by the arrival limit. */
  receive(socket: TestSocket, what: string, baseMs?: number): Promise<Buffer[]>;
  /** Expects a message equal to `frames` (as strings) next. */
  expectMessage(socket: TestSocket, what: string, frames: Array<string | Buffer>, baseMs?: number): Promise<void>;
  /**
   * Sends probes until one arrives: for moments when the path changes hands and a message in
   * flight on the dying connection may legitimately be lost. Each probe waits for its own arrival.
   */
  probeUntilReceived(sender: TestSocket, receiver: TestSocket, what: string, baseMs?: number): Promise<Buffer[]>;
  /** Expects NOTHING to arrive for the silence limit: the one wait that costs its full length. */
  expectSilence(socket: TestSocket, what: string, baseMs?: number): Promise<void>;
  /** Waits until a condition on the file system (or anything else) holds, asking again once per event-loop turn. */
  until(what: string, condition: () => boolean | Promise<boolean>, baseMs?: number): Promise<void>;
}
