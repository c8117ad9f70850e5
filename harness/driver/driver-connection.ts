import { spawn, type ChildProcess } from "node:child_process";
import Ajv from "ajv";
import schema from "./protocol.schema.json";
import { PROTOCOL_VERSION, type DriverHello, type DriverResponse } from "./protocol";

/** A driver that broke the protocol (crashed, hung, printed garbage, answered out of order). */
export class DriverFault extends Error {
  constructor(
    readonly driver: string,
    problem: string,
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
  /** The longest line accepted on stdout (a flood guard). */
  readonly maxLineBytes: number;
  /** The most stderr kept as evidence. */
  readonly stderrBytes: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = { helloMs: 15_000, requestMs: 10_000, maxLineBytes: 64 * 1024 * 1024, stderrBytes: 8192 };

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
  private stdoutBuffer = "";
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private fault: DriverFault | undefined;
  private helloWaiter: { resolve(): void; reject(err: Error): void } | undefined;

  private constructor(
    readonly label: string,
    private readonly child: ChildProcess,
    private readonly limits: ConnectionLimits,
    private readonly processGroup: boolean,
  ) {
    child.stderr?.on("data", (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString("utf8")).slice(-limits.stderrBytes);
    });
    child.stdout?.on("data", (chunk: Buffer) => this.onStdout(chunk));
    child.stdin?.on("error", () => undefined); // EPIPE after a crash: the exit handler reports it
    child.once("error", (err) => this.fail(`could not be started: ${err.message}`));
    // "close", not "exit": by then stderr has been read to the end, so the evidence is complete.
    child.once("close", (code, signal) => this.fail(`exited (${signal ?? `code ${code}`})`));
  }

  /** Starts the process and waits for a valid hello and a proper refusal of an unknown op (the preflight). */
  static async start(label: string, command: string[] | string, limits: ConnectionLimits = DEFAULT_LIMITS, spawnOptions: Parameters<typeof spawn>[2] = {}): Promise<DriverConnection> {
    const shell = typeof command === "string";
    const child = shell
      ? spawn(command, { shell: true, detached: true, stdio: ["pipe", "pipe", "pipe"], ...spawnOptions })
      : spawn(command[0], command.slice(1), { stdio: ["pipe", "pipe", "pipe"], ...spawnOptions });
    const connection = new DriverConnection(label, child, limits, shell);
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
    return this.fault !== undefined;
  }

  get evidence(): string {
    return this.stderr;
  }

  request(body: Record<string, unknown> & { op: string }, extraMs = 0): Promise<unknown> {
    if (this.fault !== undefined) return Promise.reject(this.fault);
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
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      this.child.once("exit", () => resolve());
      try {
        if (this.processGroup && this.child.pid !== undefined) process.kill(-this.child.pid, "SIGKILL");
        else this.child.kill("SIGKILL");
      } catch {
        this.child.kill("SIGKILL");
      }
    });
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
        throw this.fault!;
      }
      throw err;
    }
    this.fail('answered an unknown op ("preflight-unknown-op") with success instead of {"ok": false, "unsupported": ...}');
    throw this.fault!;
  }

  private onStdout(chunk: Buffer): void {
    if (this.fault !== undefined) return;
    this.stdoutBuffer += chunk.toString("utf8");
    if (this.stdoutBuffer.length > this.limits.maxLineBytes && !this.stdoutBuffer.includes("\n")) {
      return this.fail(`printed a line longer than ${this.limits.maxLineBytes} bytes on stdout (flood)`);
    }
    let newline: number;
    while ((newline = this.stdoutBuffer.indexOf("\n")) >= 0 && this.fault === undefined) {
      const line = this.stdoutBuffer.slice(0, newline);
      this.stdoutBuffer = this.stdoutBuffer.slice(newline + 1);
      if (line.trim() !== "") this.onLine(line);
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

  private fail(problem: string, quiet = false): void {
    if (this.fault !== undefined) return;
    this.fault = new DriverFault(this.label, problem, quiet ? "" : this.stderr.trim());
    for (const waiter of this.pending.values()) {
      clearTimeout(waiter.timer);
      waiter.reject(this.fault);
    }
    this.pending.clear();
    this.helloWaiter?.reject(this.fault);
    this.helloWaiter = undefined;
    if (!quiet && this.child.exitCode === null && this.child.signalCode === null) {
      try {
        if (this.processGroup && this.child.pid !== undefined) process.kill(-this.child.pid, "SIGKILL");
        else this.child.kill("SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}
