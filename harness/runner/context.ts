import * as path from "node:path";
import type { PlatformIpc } from "../model/platform-limits";
import type { Capability } from "../model/capability";
import type { CheckRecord } from "../model/outcome";
import type { Attempt, ScenarioContext } from "../model/scenario-context";
import type { Implementation, ProcessImplementation, SocketType, SpawnOptions, TestSocket, TestSocketOptions } from "../model/implementation";
import type { ContainerSites, Site } from "../model/sites";
import { ProcessState } from "./scenario-context/process-state";
import { ScenarioChecks } from "./scenario-context/scenario-checks";
import { ScenarioResources } from "./scenario-context/scenario-resources";
import type { TranscriptLog } from "./scenario-context/transcript-log";
import { ScenarioWaits, showFrames } from "./scenario-context/scenario-waits";
import { LOCAL_FILES } from "./scenario-context/local-files";
import type { SiteFiles } from "../model/site-files";
import { onlyOnHarnessMachine, type RemoteMachine } from "../model/remote-machine";
import { ARRIVAL_LIMIT_MS, SILENCE_LIMIT_MS } from "./limits";
import { Skipped, Unsupported } from "./verdicts";

export { showFrames };

export interface ScenarioContextOptions {
  /** A fresh directory for this scenario alone. */
  readonly dir: string;
  /** Who binds and who connects (the same implementation in single-implementation scenarios). */
  readonly binder: Implementation;
  readonly connecter: Implementation;
  readonly platform: PlatformIpc;
  /** Scales every limit. */
  readonly multiplier: number;
  /** Whether the scenario declared `exclusive` (it may change process-wide state). */
  readonly exclusive?: boolean;
  /** Container platforms only: where "separate-containers" scenarios start their implementations. */
  readonly sites?: ContainerSites;
  /** Record the cell's wire conversations (run --trace). */
  readonly transcript?: TranscriptLog;
  /** The machine the implementations run on when it is not this one: its files, its sockets. */
  readonly remote?: RemoteMachine;
}

/**
 * The runner's ScenarioContext (the API a scenario is written against, documented in
 * harness/model/scenario-context.ts): a facade over four parts, each in scenario-context/: the
 * resources a scenario opens (closed afterwards, whatever happened), the process-wide state it
 * may change, its checks, and its waits.
 */
export class RunnerContext implements ScenarioContext {
  readonly dir: string;
  readonly files: SiteFiles;
  readonly remote?: RemoteMachine;
  readonly binder: Implementation;
  readonly connecter: Implementation;
  readonly platform: PlatformIpc;
  readonly multiplier: number;
  readonly transcript?: TranscriptLog;
  private readonly resources: ScenarioResources;
  private readonly state: ProcessState;
  private readonly recorded = new ScenarioChecks();
  private readonly waits: ScenarioWaits;

  constructor(options: ScenarioContextOptions) {
    this.dir = options.dir;
    this.remote = options.remote;
    this.files = options.remote?.files ?? LOCAL_FILES;
    this.binder = options.binder;
    this.connecter = options.connecter;
    this.platform = options.platform;
    this.multiplier = options.multiplier;
    this.transcript = options.transcript;
    this.resources = new ScenarioResources(options.sites);
    this.state = new ProcessState(
      this.resources,
      options.exclusive === true,
      () => [this.binder, this.connecter, ...this.resources.children],
      options.remote?.workingDirectory,
    );
    this.waits = new ScenarioWaits(this.recorded, options.multiplier);
  }

  get impl(): Implementation {
    return this.binder;
  }

  get checks(): CheckRecord[] {
    return this.recorded.records;
  }

  get observations(): Record<string, unknown> {
    return this.recorded.observations;
  }

  limit(baseMs: number): number {
    return this.waits.limit(baseMs);
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

  socket(implementation: Implementation, type: SocketType, options?: TestSocketOptions): Promise<TestSocket> {
    return this.resources.socket(implementation, type, options);
  }

  spawn(implementation: Implementation = this.impl, options?: SpawnOptions): Promise<ProcessImplementation> {
    if (this.remote !== undefined) this.skip(onlyOnHarnessMachine(this.remote, "a second process of the implementation"));
    this.requires("child-process", implementation);
    return this.resources.spawn(implementation, options);
  }

  inContainer(implementation: Implementation, site: Site): Promise<ProcessImplementation> {
    return this.resources.inContainer(implementation, site);
  }

  defer(cleanup: () => void | Promise<void>): void {
    this.resources.defer(cleanup);
  }

  /** Called by the runner: closes every socket, ends every child process, runs deferred cleanups. */
  dispose(): Promise<void> {
    return this.resources.dispose();
  }

  setEnv(values: Record<string, string | null>): Promise<void> {
    return this.state.setEnv(values);
  }

  chdir(dir: string): Promise<void> {
    return this.state.chdir(dir);
  }

  setUmask(mask: number): void {
    if (this.remote !== undefined) this.skip(onlyOnHarnessMachine(this.remote, "setting the umask its processes create files under"));
    this.state.setUmask(mask);
  }

  check<T>(what: string, observed: T, acceptable: T | ((value: T) => boolean), expected?: string): void {
    this.recorded.check(what, observed, acceptable, expected);
  }

  observe(key: string, value: unknown): void {
    this.recorded.observe(key, value);
  }

  attempt<T>(call: () => Promise<T>): Promise<Attempt<T>> {
    return this.recorded.attempt(call);
  }

  expectError(what: string, call: () => Promise<unknown>, codes: string[]): Promise<string> {
    return this.recorded.expectError(what, call, codes);
  }

  expectSuccess<T>(what: string, call: () => Promise<T>): Promise<T> {
    return this.recorded.expectSuccess(what, call);
  }

  receive(socket: TestSocket, what: string, baseMs = ARRIVAL_LIMIT_MS): Promise<Buffer[]> {
    return this.waits.receive(socket, what, baseMs);
  }

  expectMessage(socket: TestSocket, what: string, frames: Array<string | Buffer>, baseMs = ARRIVAL_LIMIT_MS): Promise<void> {
    return this.waits.expectMessage(socket, what, frames, baseMs);
  }

  probeUntilReceived(sender: TestSocket, receiver: TestSocket, what: string, baseMs = ARRIVAL_LIMIT_MS): Promise<Buffer[]> {
    return this.waits.probeUntilReceived(sender, receiver, what, baseMs);
  }

  expectSilence(socket: TestSocket, what: string, baseMs = SILENCE_LIMIT_MS): Promise<void> {
    return this.waits.expectSilence(socket, what, baseMs);
  }

  until(what: string, condition: () => boolean | Promise<boolean>, baseMs = ARRIVAL_LIMIT_MS): Promise<void> {
    return this.waits.until(what, condition, baseMs);
  }
}
