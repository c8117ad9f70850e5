import type { TestSocket, TestSocketOptions } from "../../harness/model/implementation";
import type { ScenarioContext } from "../../harness/model/scenario-context";
import { ARRIVAL_LIMIT_MS, SILENCE_LIMIT_MS } from "../../harness/runner/limits";
import { RawPeer } from "../raw-zmtp/raw-peer";
import { message } from "../raw-zmtp/zmtp-bytes";
import { hostingPid, isAlive, readUsage, type ProcessUsage } from "./process-usage";

/** How often a wait for /proc to change looks again: a condition check, never a pause that decides anything. */
const PROC_POLL_MS = 5;
/** How many messages a drain reads past while looking for the well-behaved peer's (garbage may decode as messages). */
const DRAIN_READS = 10_000;

/**
 * The implementation under attack: a PULL socket bound in a process of its own, so that what the
 * process holds (descriptors, connections, resident memory, read from /proc) is the
 * implementation's alone, and a crash shows as a dead process instead of taking the harness down.
 */
export class Target {
  /** Messages the application received that were not a well-behaved peer's: formed by attackers' bytes. */
  attackerMessages = 0;

  private constructor(
    private readonly ctx: ScenarioContext,
    readonly socket: TestSocket,
    /** The bound path attackers connect to. */
    readonly path: string,
    /** The process hosting the implementation (a driver's shell wrapper resolved to its child). */
    readonly pid: number,
    /** Usage with no connection open, after a warm-up exchange; null without /proc. */
    readonly baseline: ProcessUsage | null,
  ) {}

  static async start(ctx: ScenarioContext, options: TestSocketOptions = {}): Promise<Target> {
    ctx.requires("socket-file"); // raw peers reach the implementation through its socket file
    const child = await ctx.spawn(ctx.impl);
    const socket = await ctx.socket(child, "PULL", options);
    const path = ctx.path("target.sock");
    await socket.bind(ctx.endpoint("target.sock"));
    ctx.check("what is at the bound path (raw peers attack through it)", await ctx.files.kind(path), "socket");
    const pid = hostingPid(child.pid);
    const warming = new Target(ctx, socket, path, pid, null);
    // Lazily created state (a first connection's buffers, an I/O thread's descriptors) belongs
    // in the baseline, not in the difference: one full exchange happens before it is taken.
    await warming.expectServes("warm-up");
    await warming.expectNoConnections("the warm-up connection");
    const baseline = readUsage(pid);
    ctx.observe("implementation process", { pid, procfs: baseline !== null });
    ctx.observe("baseline (no connection open)", baseline ?? "unavailable: no /proc on this platform");
    return new Target(ctx, socket, path, pid, baseline);
  }

  usage(): ProcessUsage | null {
    return readUsage(this.pid);
  }

  /** The process is still there: an implementation that crashed on input fails here, by name. */
  expectAlive(when: string): void {
    this.ctx.check(`the implementation's process is alive ${when}`, isAlive(this.pid) ? "alive" : "gone (crashed or exited)", "alive");
  }

  /** Waits until the implementation holds no connection on the path (every attacker's connection is closed on its side too). */
  async expectNoConnections(after: string, baseMs = ARRIVAL_LIMIT_MS): Promise<void> {
    const held = await this.waitFor((usage) => usage.connections === 0, baseMs);
    if (held === null) return;
    this.ctx.check(`connections the implementation still holds after ${after} closed on our side`, held.connections, 0);
  }

  /**
   * After an attack: the process is alive, holds no connection and no more descriptors than at
   * the baseline, and a well-behaved peer is served. Returns the usage then, for memory figures.
   */
  async expectRecovered(after: string): Promise<ProcessUsage | null> {
    this.expectAlive(`after ${after}`);
    await this.expectNoConnections(after);
    const baseline = this.baseline;
    if (baseline !== null) {
      const now = await this.waitFor((usage) => usage.descriptors <= baseline.descriptors);
      if (now !== null)
        this.ctx.check(
          `open descriptors of the implementation's process after ${after} (baseline ${baseline.descriptors})`,
          now.descriptors,
          baseline.descriptors,
        );
    }
    await this.expectServes(`after ${after}`);
    await this.expectNoConnections(`the well-behaved peer after ${after}`);
    await this.rest();
    return this.usage();
  }

  /**
   * Memory is read at rest: the application waiting on an empty socket, as an idle application
   * does. libzmq frees the pipes of closed connections only when the application's thread
   * processes the socket's commands, which a blocking receive does and a receive that finds a
   * message at once does not (measured: ~10 KB held per closed connection until then).
   */
  private async rest(): Promise<void> {
    const result = await this.ctx.attempt(() => this.socket.receive(this.ctx.limit(SILENCE_LIMIT_MS)));
    if (result.ok) this.attackerMessages++;
  }

  /**
   * A well-behaved raw PUSH connects, sends one message, and the application receives it. Messages
   * an attacker's bytes happened to form (garbage can decode as frames) are read past and
   * counted; the peer's connection is closed afterwards.
   */
  async expectServes(when: string): Promise<void> {
    const good = await RawPeer.connect(this.ctx, this.path, `well-behaved raw peer (${when})`);
    await good.handshake("PUSH");
    const marker = `served-${when}`;
    await good.send(message([marker]));
    let other = 0;
    const limit = this.ctx.limit(ARRIVAL_LIMIT_MS);
    for (;;) {
      const result = await this.ctx.attempt(() => this.socket.receive(limit));
      if (!result.ok) {
        this.ctx.check(
          `a well-behaved peer's message reaches the application ${when}`,
          `${result.code === "EAGAIN" ? `nothing within ${limit} ms` : `error ${result.code}`} (after ${other} other messages)`,
          "the message",
        );
      }
      const frames = result.ok ? result.value : [];
      if (frames.length === 1 && frames[0].toString() === marker) break;
      if (++other >= DRAIN_READS) this.ctx.check(`a well-behaved peer's message reaches the application ${when}`, `not among ${other} messages`, "the message");
    }
    this.attackerMessages += other;
    if (other > 0) this.ctx.observe(`messages the attack's bytes formed, delivered before the well-behaved peer's (${when})`, other);
    good.destroy();
  }

  /** Waits until the implementation holds `count` connections on the path; the number it holds then (null without /proc). */
  async waitForConnections(count: number): Promise<number | null> {
    const last = await this.waitFor((usage) => usage.connections >= count);
    if (last !== null) this.ctx.check(`connections the implementation accepted and holds`, last.connections, count);
    return this.usage()?.connections ?? null;
  }

  /** Polls /proc until `condition` holds or the limit passes; returns the last reading then (null without /proc or when it held). */
  private async waitFor(condition: (usage: ProcessUsage) => boolean, baseMs = ARRIVAL_LIMIT_MS): Promise<ProcessUsage | null> {
    const deadline = Date.now() + this.ctx.limit(baseMs);
    for (;;) {
      const usage = this.usage();
      if (usage === null || condition(usage)) return null;
      if (Date.now() > deadline) return usage;
      await new Promise((resolve) => setTimeout(resolve, PROC_POLL_MS));
    }
  }
}
