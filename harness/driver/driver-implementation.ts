import type { Capability } from "../model/capability";
import {
  ImplementationError,
  type ProcessImplementation,
  type SocketType,
  type SpawnOptions,
  type TestSocket,
  type TestSocketOptions,
} from "../model/implementation";
import { Unsupported } from "../runner/verdicts";
import { DEFAULT_LIMITS, DriverCallError, DriverConnection, DriverUnsupported, type ConnectionLimits } from "./driver-connection";
import { decodeFrames, encodeFrames } from "./protocol";

type Launch = { command: string[] | string; spawnOptions: Parameters<typeof DriverConnection.start>[3] };

/**
 * An implementation behind a driver process. A driver that breaks the protocol is killed (its
 * pending calls fail with a DriverFault: outcome `error`, with its stderr) and started afresh for
 * the next socket, so the run goes on.
 */
export class DriverImplementation implements ProcessImplementation {
  readonly name: string;
  readonly version: string;
  readonly capabilities: readonly Capability[];
  /** How many times the driver was started again after breaking. */
  restarts = 0;

  private constructor(
    readonly id: string,
    private connection: DriverConnection,
    private readonly launch: Launch,
    private readonly limits: ConnectionLimits,
  ) {
    this.name = connection.hello.name;
    this.version = connection.hello.version;
    this.capabilities = connection.hello.capabilities as Capability[];
  }

  static async start(id: string, launch: Launch, limits: ConnectionLimits = DEFAULT_LIMITS): Promise<DriverImplementation> {
    const connection = await DriverConnection.start(`${id}`, launch.command, limits, launch.spawnOptions);
    return new DriverImplementation(id, connection, launch, limits);
  }

  get pid(): number {
    return this.connection.pid ?? -1;
  }

  /** Facts for the report: the driver's runtime and platform, as it said in its hello. */
  get hello() {
    return this.connection.hello;
  }

  /** The connection, started afresh if the driver broke: every scenario begins with a working driver. */
  private async live(): Promise<DriverConnection> {
    if (this.connection.broken) {
      this.connection = await DriverConnection.start(this.id, this.launch.command, this.limits, this.launch.spawnOptions);
      this.restarts++;
    }
    return this.connection;
  }

  async createSocket(type: SocketType, options: TestSocketOptions = {}): Promise<TestSocket> {
    const connection = await this.live();
    const socket = (await call(connection, { op: "create", type, options })) as number;
    const on = (op: string, extra: Record<string, unknown> = {}, extraMs = 0) => call(connection, { op, socket, ...extra }, extraMs);
    return {
      type,
      bind: async (endpoint) => void (await on("bind", { endpoint })),
      unbind: async (endpoint) => void (await on("unbind", { endpoint })),
      connect: async (endpoint) => void (await on("connect", { endpoint })),
      disconnect: async (endpoint) => void (await on("disconnect", { endpoint })),
      send: async (frames) => void (await on("send", { frames: encodeFrames(frames) })),
      receive: async (timeoutMs) => decodeFrames((await on("receive", { timeoutMs }, timeoutMs)) as string[]),
      subscribe: async (topic) => void (await on("subscribe", { topic: Buffer.from(topic).toString("base64") })),
      unsubscribe: async (topic) => void (await on("unsubscribe", { topic: Buffer.from(topic).toString("base64") })),
      lastEndpoint: async () => (await on("lastEndpoint")) as string | null,
      close: async () => {
        if (!connection.broken) await on("close");
      },
    };
  }

  /** Environment variables in the driver's own process (scenarios that set TMPDIR, for instance). */
  async setEnv(vars: Record<string, string | null>): Promise<void> {
    await call(await this.live(), { op: "setenv", vars });
  }

  async chdir(dir: string): Promise<void> {
    await call(await this.live(), { op: "chdir", dir });
  }

  /** A second instance of the same driver, for scenarios about two processes sharing a path. */
  spawnProcess(options: SpawnOptions = {}): Promise<ProcessImplementation> {
    const spawnOptions = {
      ...this.launch.spawnOptions,
      ...(options.uid !== undefined ? { uid: options.uid } : {}),
      ...(options.gid !== undefined ? { gid: options.gid } : {}),
    };
    return DriverImplementation.start(this.id, { command: this.launch.command, spawnOptions }, this.limits);
  }

  kill(): Promise<void> {
    return this.connection.kill();
  }
}

/** A request whose refusals become the harness's own errors: ImplementationError (errno), Unsupported. */
async function call(connection: DriverConnection, body: Record<string, unknown> & { op: string }, extraMs = 0): Promise<unknown> {
  try {
    return await connection.request(body, extraMs);
  } catch (err) {
    if (err instanceof DriverCallError) throw new ImplementationError(err.code, err.message);
    if (err instanceof DriverUnsupported) throw new Unsupported(`${connection.label} answered unsupported: ${err.message}`);
    throw err;
  }
}

/** `--driver NAME=COMMAND`: the command runs through the shell, as typed, in its own process group. */
/** Limits for a run: every one scaled by the multiplier; a request's own limit stays below a scenario's (8 s), so a hung driver shows as an error with its stderr, not as a scenario timeout. */
export function driverLimits(multiplier: number): ConnectionLimits {
  return {
    ...DEFAULT_LIMITS,
    helloMs: DEFAULT_LIMITS.helloMs * multiplier,
    requestMs: 5000 * multiplier,
    stderrDrainMs: DEFAULT_LIMITS.stderrDrainMs * multiplier,
  };
}

export function startDriver(name: string, command: string, limits?: ConnectionLimits, cwd?: string): Promise<DriverImplementation> {
  return DriverImplementation.start(name, { command, spawnOptions: cwd === undefined ? {} : { cwd } }, limits);
}
