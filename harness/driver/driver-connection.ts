import { spawn, type ChildProcess } from "node:child_process";
import Ajv from "ajv";
import { ImplementationFault } from "../model/implementation";
import { killGroup, killTree } from "../runner/process-tree";
import schema from "./protocol.schema.json";
import { PROTOCOL_VERSION, type DriverHello, type DriverResponse } from "./protocol";

/** A driver that broke the protocol (crashed, hung, printed garbage, answered out of order). */
export class DriverFault extends ImplementationFault {
  constructor(
    readonly driver: string,
    /** What went wrong, without the evidence: "exited (code 127)". */
    readonly problem: string,
    readonly stderr: string,
  ) {
    super(`driver ${driver}: ${problem}${stderr ? `\n--- driver stderr (last lines) ---\n${stderr}` : ""}`);
    this.name = "DriverFault";
  }
}

/** The driver answered that it cannot do this at all. */
export class DriverUnsupported extends Error {
  name = "DriverUnsupported";
}

/** The call reached the implementation, which refused it with an errno name. */
export class DriverCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "DriverCallError";
  }
}

export interface ConnectionLimits {
  /** How long the driver may take to print its hello. */
  readonly helloMs: number;
  /** How long any request may take beyond its own timeout (receive). */
  readonly requestMs: number;
  /** The longest line accepted on stdout (a flood guard: also the most stdout ever held in memory). */
  readonly maxLineBytes: number;
  /** The most stderr kept as evidence. */
  readonly stderrBytes: number;
  /**
   * After a breach, how long the rest of stderr may take to arrive (the driver is killed, so its
   * stderr ends soon): what it wrote before the breach is read whatever order the pipes are read in.
   */
  readonly stderrDrainMs: number;
}

/**
 * maxLineBytes: the largest message a scenario sends is 1 MiB (interop.one-mebibyte-message),
 * about 1.4 MiB as base64 in a receive answer; 16 MiB leaves room and bounds what a flood costs.
 */
export const DEFAULT_LIMITS: ConnectionLimits = { helloMs: 15_000, requestMs: 10_000, maxLineBytes: 16 * 1024 * 1024, stderrBytes: 8192, stderrDrainMs: 2000 };

const ajv = new Ajv({ allErrors: false, strict: false });
ajv.addSchema(schema, "protocol");
const validHello = ajv.getSchema("protocol#/definitions/hello")!;
const validResponse = ajv.getSchema("protocol#/definitions/response")!;

interface Pending {
  resolve(result: unknown): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * One running driver process and the line protocol over its stdio. Any breach of the protocol
 * ends the process and fails every pending request with a DriverFault carrying its stderr, so a
 * broken driver costs the scenarios that were using it, never the run.
 */
export class DriverConnection {
  hello!: DriverHello["hello"];
  private stderr = "";
  /** The line being received: raw chunks (decoded once whole, so a UTF-8 character split between chunks survives). */
  private partialLine: Buffer[] = [];
  private partialBytes = 0;
  /** The most stdout held at once (the flood guard's evidence for tests). */
  peakBufferedBytes = 0;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** What broke the protocol, known at once: from then on the connection is broken. */
  private breach: string | undefined;
  /** The fault, final once the driver's stderr has been read to its end (or the drain limit passed). */
  private fault: Promise<DriverFault> | undefined;
  /** Settles when the driver's stderr is closed: everything it wrote there has been read. */
  private readonly stderrClosed: Promise<void>;
  private helloWaiter: { resolve(): void; reject(err: Error): void } | undefined;

  private constructor(
    readonly label: string,
    private readonly child: ChildProcess,
    private readonly limits: ConnectionLimits,
  ) {
    LIVE.add(this);
    child.stderr?.on("data", (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString("utf8")).slice(-limits.stderrBytes);
    });
    this.stderrClosed = new Promise<void>((resolve) => {
      if (child.stderr === null) return resolve();
      child.stderr.once("close", () => resolve());
      child.once("error", () => resolve()); // never started: no stream will open or close
    });
    child.stdout?.on("data", (chunk: Buffer) => this.onStdout(chunk));
    child.stdin?.on("error", () => undefined); // EPIPE after a crash: the exit handler reports it
    child.once("error", (err) => {
      if (child.pid === undefined) LIVE.delete(this); // never started: no "exit" will come
      this.fail(`could not be started: ${err.message}`);
    });
    // What the driver started and left in its group dies with it: such a process may hold the
    // driver's stdout open, and would otherwise delay "close" (and the fault) until it ends.
    child.once("exit", () => {
      LIVE.delete(this);
      if (child.pid !== undefined) killGroup(child.pid);
    });
    // "close", not "exit": by then stderr has been read to the end, so the evidence is complete.
    child.once("close", (code, signal) => this.fail(`exited (${signal ?? `code ${code}`})`));
  }

  /** Starts the process and waits for a valid hello and a proper refusal of an unknown op (the preflight). */
  static async start(
    label: string,
    command: string[] | string,
    limits: ConnectionLimits = DEFAULT_LIMITS,
    spawnOptions: Parameters<typeof spawn>[2] = {},
  ): Promise<DriverConnection> {
    // Every driver leads a process group of its own (detached), so that ending it ends what it
    // started too: a shell's command, a JVM's helpers, a library's forked process.
    const child =
      typeof command === "string"
        ? spawn(command, { shell: true, stdio: ["pipe", "pipe", "pipe"], ...spawnOptions, detached: true })
        : spawn(command[0], command.slice(1), { stdio: ["pipe", "pipe", "pipe"], ...spawnOptions, detached: true });
    const connection = new DriverConnection(label, child, limits);
    try {
      await connection.waitForHello();
      await connection.preflight();
    } catch (err) {
      await connection.kill(); // a driver that fails to start never outlives the attempt
      throw err;
    }
    return connection;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get broken(): boolean {
    return this.breach !== undefined;
  }

  get evidence(): string {
    return this.stderr;
  }

  request(body: Record<string, unknown> & { op: string }, extraMs = 0): Promise<unknown> {
    if (this.fault !== undefined) return this.fault.then((fault) => Promise.reject(fault));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const limit = this.limits.requestMs + extraMs;
      const timer = setTimeout(() => this.fail(`no answer to request ${id} (${body.op}) within ${limit} ms`), limit);
      this.pending.set(id, { resolve, reject, timer });
      this.child.stdin?.write(`${JSON.stringify({ id, ...body })}\n`);
    });
  }

  async kill(): Promise<void> {
    this.fail("stopped by the harness", true);
    if (this.exited) return;
    await new Promise<void>((resolve) => {
      this.child.once("exit", () => resolve());
      this.end();
    });
  }

  private get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null || this.child.pid === undefined;
  }

  /** SIGKILL to the driver, its group, and whatever it started that left the group. */
  private end(): void {
    if (this.child.pid !== undefined) killTree(this.child.pid, true);
  }

  private waitForHello(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(`did not say hello within ${this.limits.helloMs} ms`), this.limits.helloMs);
      this.helloWaiter = {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
    });
  }

  private async preflight(): Promise<void> {
    try {
      await this.request({ op: "preflight-unknown-op" });
    } catch (err) {
      if (err instanceof DriverUnsupported) return;
      if (err instanceof DriverCallError) {
        this.fail(`answered the preflight's unknown op with an error (${err.code}) instead of {"ok": false, "unsupported": ...}`);
        throw await this.fault!;
      }
      throw err;
    }
    this.fail('answered an unknown op ("preflight-unknown-op") with success instead of {"ok": false, "unsupported": ...}');
    throw await this.fault!;
  }

  /**
   * Splits stdout into lines. Only the new chunk is searched for a newline and the partial line
   * is kept as chunks: the work is linear in what the driver prints, and what is held never
   * exceeds maxLineBytes plus one chunk. (Searching and growing one string per chunk was
   * quadratic: a flood was never seen as one, only as a request timeout, and cost hundreds of MB.)
   */
  private onStdout(chunk: Buffer): void {
    if (this.breach !== undefined) return;
    let start = 0;
    let newline: number;
    while ((newline = chunk.indexOf(0x0a, start)) >= 0) {
      this.partialLine.push(chunk.subarray(start, newline));
      const line = Buffer.concat(this.partialLine).toString("utf8");
      this.partialLine = [];
      this.partialBytes = 0;
      start = newline + 1;
      if (line.trim() !== "") this.onLine(line);
      if (this.breach !== undefined) return;
    }
    if (start < chunk.length) {
      this.partialLine.push(chunk.subarray(start));
      this.partialBytes += chunk.length - start;
      this.peakBufferedBytes = Math.max(this.peakBufferedBytes, this.partialBytes);
      if (this.partialBytes > this.limits.maxLineBytes) this.fail(`printed a line longer than ${this.limits.maxLineBytes} bytes on stdout (flood)`);
    }
  }

  private onLine(line: string): void {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      return this.fail(`printed something that is not a protocol line on stdout: ${JSON.stringify(line.slice(0, 120))}`);
    }
    if (this.helloWaiter !== undefined) {
      if (!validHello(message)) {
        return this.fail(`first line is not a protocol ${PROTOCOL_VERSION} hello: ${ajv.errorsText(validHello.errors)}: ${line.slice(0, 200)}`);
      }
      this.hello = (message as DriverHello).hello;
      const waiter = this.helloWaiter;
      this.helloWaiter = undefined;
      return waiter.resolve();
    }
    if (!validResponse(message)) return this.fail(`sent a malformed response (${ajv.errorsText(validResponse.errors)}): ${line.slice(0, 200)}`);
    const response = message as DriverResponse;
    const waiter = this.pending.get(response.id);
    if (waiter === undefined) return this.fail(`answered request ${response.id}, which is not pending (out of order or unsolicited)`);
    this.pending.delete(response.id);
    clearTimeout(waiter.timer);
    if (response.ok) waiter.resolve(response.result);
    else if ("unsupported" in response) waiter.reject(new DriverUnsupported(response.unsupported));
    else waiter.reject(new DriverCallError(response.error.code, response.error.message));
  }

  /**
   * A breach ends the driver at once, and the fault follows once its stderr has been read to the
   * end: a driver that explains itself on stderr and then breaks stdout has written the
   * explanation before the breach, but the harness may read stdout first. (`quiet`: the harness
   * itself stopped the driver; there is nothing to explain.)
   */
  private fail(problem: string, quiet = false): void {
    if (this.breach !== undefined) return;
    this.breach = problem;
    for (const waiter of this.pending.values()) clearTimeout(waiter.timer);
    this.partialLine = []; // what a flood left is not needed any more
    if (!quiet && !this.exited) this.end();
    const drained = quiet ? Promise.resolve() : withinLimit(this.stderrClosed, this.limits.stderrDrainMs);
    this.fault = drained.then(() => {
      const fault = new DriverFault(this.label, problem, quiet ? "" : this.stderr.trim());
      for (const waiter of this.pending.values()) waiter.reject(fault);
      this.pending.clear();
      this.helloWaiter?.reject(fault);
      this.helloWaiter = undefined;
      return fault;
    });
  }

  /** Synchronously ends every driver still running: the harness is exiting (process.exit, Ctrl-C). */
  static endAll(): void {
    for (const connection of LIVE) if (!connection.exited) connection.end();
    LIVE.clear();
  }
}

/** Settles when `event` does or after `ms`, whichever comes first (the timer never holds the process). */
function withinLimit(event: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  return Promise.race([event, limit]).finally(() => clearTimeout(timer));
}

/**
 * Drivers whose process has not exited. Their stdin closes when the harness exits, but a driver
 * that ignores that (or a process it started) must not outlive the harness: on exit, whatever
 * the path to it (the CLI's process.exit, an interrupted run), they are killed.
 */
const LIVE = new Set<DriverConnection>();
process.once("exit", () => DriverConnection.endAll());
