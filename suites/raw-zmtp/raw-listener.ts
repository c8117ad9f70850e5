import * as net from "node:net";
import { onlyOnHarnessMachine } from "../../harness/model/remote-machine";
import type { ScenarioContext } from "../../harness/model/scenario-context";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";
import { RawPeer } from "./raw-peer";

/**
 * A raw ZMTP listener for scenarios where the implementation connects: every connection it
 * accepts becomes a RawPeer, queued until a scenario takes it. Closed by ctx.defer.
 */
export class RawListener {
  private readonly queue: RawPeer[] = [];
  private readonly wakers = new Set<() => void>();
  private count = 0;

  private constructor(
    private readonly ctx: ScenarioContext,
    private readonly label: string,
  ) {}

  static async listen(ctx: ScenarioContext, path: string, label = "raw listener"): Promise<RawListener> {
    if (ctx.remote !== undefined) ctx.skip(onlyOnHarnessMachine(ctx.remote, "a raw listener (a socket file the harness binds)"));
    const listener = new RawListener(ctx, label);
    const server = net.createServer((socket) => {
      listener.count++;
      listener.queue.push(RawPeer.accepted(ctx, socket, `${label}, connection ${listener.count}`));
      for (const waker of [...listener.wakers]) waker();
    });
    ctx.defer(() => new Promise<void>((resolve) => server.close(() => resolve())));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(path, () => resolve());
    });
    return listener;
  }

  /** Connections accepted so far. */
  get accepted(): number {
    return this.count;
  }

  /** The next accepted connection, or null when none comes within the limit. Never judges. */
  next(baseMs = ARRIVAL_LIMIT_MS): Promise<RawPeer | null> {
    const limit = this.ctx.limit(baseMs);
    return new Promise((resolve) => {
      const finish = (peer: RawPeer | null) => {
        clearTimeout(timer);
        this.wakers.delete(check);
        resolve(peer);
      };
      const check = () => {
        const peer = this.queue.shift();
        if (peer !== undefined) finish(peer);
      };
      const timer = setTimeout(() => finish(null), limit);
      this.wakers.add(check);
      check();
    });
  }

  /** The next accepted connection; none within the limit is a violation named `what`. */
  async expectConnection(what: string, baseMs = ARRIVAL_LIMIT_MS): Promise<RawPeer> {
    const peer = await this.next(baseMs);
    this.ctx.check(what, peer === null ? `no connection within ${this.ctx.limit(baseMs)} ms` : "a connection", "a connection");
    return peer as RawPeer;
  }
}
