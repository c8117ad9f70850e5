import type { Implementation, ProcessImplementation, SocketType, SpawnOptions, TestSocket, TestSocketOptions } from "../../model/implementation";
import type { ContainerSites, Site } from "../../model/sites";
import { Skipped, Unsupported } from "../verdicts";

/**
 * Everything a scenario opens (sockets, processes, deferred cleanups), closed by the runner
 * afterwards whatever happened. A scenario that ran past its limit goes on in the background:
 * whatever it opens after dispose() is closed at once, and the call is refused.
 */
export class ScenarioResources {
  private readonly sockets: TestSocket[] = [];
  private readonly processes: ProcessImplementation[] = [];
  private readonly cleanups: Array<() => void | Promise<void>> = [];
  private disposed = false;

  /** Container platforms only: where "separate-containers" scenarios start their implementations. */
  constructor(private readonly sites: ContainerSites | undefined) {}

  /** The processes started so far (ctx.spawn, ctx.inContainer). */
  get children(): readonly ProcessImplementation[] {
    return this.processes;
  }

  /**
   * A socket. Linger defaults to 0: a libzmq socket left with undeliverable messages and
   * linger -1 would otherwise hold its process at exit forever.
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
  async spawn(implementation: Implementation, options?: SpawnOptions): Promise<ProcessImplementation> {
    if (implementation.spawnProcess === undefined) throw new Unsupported(`${implementation.id} cannot run in a child process`);
    this.assertLive("spawn");
    const child = await implementation.spawnProcess(options);
    return this.keepProcess(child, "spawn");
  }

  /** The implementation (by id) in a driver process inside one of the platform's containers. */
  async inContainer(implementation: Implementation, site: Site): Promise<ProcessImplementation> {
    if (this.sites === undefined) throw new Skipped("needs separate containers: runs only on a container platform");
    this.assertLive("inContainer");
    const child = await this.sites.start(implementation.id, site);
    return this.keepProcess(child, "inContainer");
  }

  /** Runs `cleanup` when the scenario ends (in reverse order of deferral). */
  defer(cleanup: () => void | Promise<void>): void {
    // After dispose nothing would run it: run it now, just after the caller's synchronous step
    // (setEnv defers the restore and then sets the variable: a late change is put back at once).
    if (this.disposed)
      void Promise.resolve()
        .then(cleanup)
        .catch(() => undefined);
    else this.cleanups.push(cleanup);
  }

  assertLive(what: string): void {
    if (this.disposed) throw new Error(`ctx.${what}() after the scenario ended (it ran past its limit): refused, and anything it opened was closed`);
  }

  /** Closes every socket, ends every child process, runs the deferred cleanups. */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const socket of this.sockets.splice(0)) await socket.close().catch(() => undefined);
    for (const child of this.processes.splice(0)) await child.kill().catch(() => undefined);
    for (const cleanup of this.cleanups.splice(0).reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  }

  private async keepProcess(child: ProcessImplementation, what: string): Promise<ProcessImplementation> {
    if (this.disposed) {
      await child.kill().catch(() => undefined);
      this.assertLive(what);
    }
    this.processes.push(child);
    return child;
  }
}
