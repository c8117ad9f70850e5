import * as net from "node:net";
import type { SocketType, TestSocket, TestSocketOptions } from "../../harness/model/implementation";
import type { ScenarioContext } from "../../harness/model/scenario-context";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";
import { connectThroughBacklog } from "./connect-through-backlog";
import { ConnectionTranscript } from "./connection-transcript";
import { WireConnection, type Settled } from "./wire-connection";
import { COMMAND, GREETING_SIZE, MORE, greeting, hex, message, parseFrame, parseProperties, ready, splitCommand, type ParsedFrame } from "./zmtp-bytes";

export type { Settled };

/**
 * A scripted ZMTP peer for scenarios: a WireConnection (exact bytes out, every byte in) whose
 * waits are bounded by ctx.limit and whose failures are checks in the report. The connection is
 * destroyed by ctx.defer whatever happens.
 */
export class RawPeer {
  private readonly wire: WireConnection;

  private constructor(
    private readonly ctx: ScenarioContext,
    socket: net.Socket,
    /** How checks name this peer in the report. */
    readonly label: string,
    accepted = false,
  ) {
    const transcript = ConnectionTranscript.open(ctx, "raw-peer", label, ctx.impl.id, accepted ? "the implementation connected" : "connected");
    this.wire = new WireConnection(socket, transcript);
  }

  /** Wraps a connection accepted by a RawListener. */
  static accepted(ctx: ScenarioContext, socket: net.Socket, label: string): RawPeer {
    const peer = new RawPeer(ctx, socket, label, true);
    ctx.defer(() => peer.destroy());
    return peer;
  }

  /**
   * Connects to a UNIX socket path; a refused or hanging connect is a violation. A connect the
   * full listen backlog refuses (EAGAIN) is retried within the limit, as libzmq's reconnect does:
   * connections an earlier step dropped may still wait in the kernel's queue for the
   * implementation to accept them (a CI run once saw this after 5,000 churned connections).
   */
  static async connect(ctx: ScenarioContext, path: string, label = "raw peer"): Promise<RawPeer> {
    const { socket, outcome, refusals } = await connectOn(ctx, path);
    ctx.check(`${label} connects to the bound path`, outcome, "connected");
    if (refusals > 0) ctx.observe(`connects of the ${label} refused with EAGAIN (listen backlog full) and retried`, refusals);
    const peer = new RawPeer(ctx, socket as net.Socket, label);
    ctx.defer(() => peer.destroy());
    return peer;
  }

  /**
   * A connection for an attacker among many (robustness scenarios open thousands): records a
   * check only when the connection fails, and is not deferred; the caller destroys it.
   */
  static async attacker(ctx: ScenarioContext, path: string, label: string): Promise<RawPeer> {
    const { socket, outcome } = await connectOn(ctx, path);
    if (socket === null) ctx.check(`${label} connects to the bound path`, outcome, "connected");
    return new RawPeer(ctx, socket as net.Socket, label);
  }

  /** Every byte received so far, consumed or not. */
  get bytes(): Buffer {
    return this.wire.bytes;
  }

  /** Bytes received and not yet consumed by a read. */
  get unread(): Buffer {
    return this.wire.unread;
  }

  get closed(): boolean {
    return this.wire.closed;
  }

  /** Writes bytes; resolves once handed to the kernel, or at once if the connection is gone (that is for a wait to see). */
  send(bytes: Buffer): Promise<void> {
    return this.wire.send(bytes);
  }

  /**
   * Waits until `condition` holds on the unread bytes, the connection closes, or the limit
   * passes. Never judges: the scenario decides what each ending means.
   */
  settle(condition: (unread: Buffer) => boolean, baseMs = ARRIVAL_LIMIT_MS): Promise<Settled> {
    return this.wire.settle(condition, this.ctx.limit(baseMs));
  }

  /** Like settle, but anything other than the condition holding is a violation named `what`. */
  async expect(what: string, condition: (unread: Buffer) => boolean, expected: string, baseMs = ARRIVAL_LIMIT_MS): Promise<void> {
    const how = await this.settle(condition, baseMs);
    if (how !== "met") this.ctx.check(what, this.describe(how, baseMs), expected);
  }

  /** Waits for at least n unread bytes. */
  async expectBytes(n: number, what: string, baseMs = ARRIVAL_LIMIT_MS): Promise<void> {
    await this.expect(what, (unread) => unread.length >= n, `${n} bytes`, baseMs);
  }

  /** Waits for the implementation to close the connection (bytes it sends meanwhile are kept). */
  async expectClose(what: string, baseMs = ARRIVAL_LIMIT_MS): Promise<void> {
    const how = await this.settle(() => false, baseMs);
    this.ctx.check(what, how === "closed" ? "connection closed" : this.describe(how, baseMs), "connection closed");
  }

  /** Consumes n unread bytes (the caller has waited for them). */
  take(n: number): Buffer {
    return this.wire.take(n);
  }

  /** Waits for and consumes the implementation's 64-byte greeting. */
  async readGreeting(what = `${this.label} receives the implementation's 64-byte greeting`): Promise<Buffer> {
    await this.expectBytes(GREETING_SIZE, what);
    return this.take(GREETING_SIZE);
  }

  /** Waits for and consumes one whole frame. */
  async readFrame(what: string, baseMs = ARRIVAL_LIMIT_MS): Promise<ParsedFrame> {
    await this.expect(what, WireConnection.holdsFrame, "a whole frame", baseMs);
    return this.wire.takeFrame();
  }

  /** The next frame, which must be a command: its name and data. */
  async readCommand(what: string): Promise<{ name: string; data: Buffer; frame: ParsedFrame }> {
    const frame = await this.readFrame(what);
    const split = frame.flags & COMMAND ? splitCommand(frame.body) : null;
    this.ctx.check(
      what,
      split === null ? `not a command: flags 0x${frame.flags.toString(16)}, body ${hex(frame.body.subarray(0, 40))}` : "a command frame",
      "a command frame",
    );
    return { ...(split as { name: string; data: Buffer }), frame };
  }

  /** The next data message, skipping any commands before and between its frames (a heartbeat PING, say). */
  async readMessage(what: string, baseMs = ARRIVAL_LIMIT_MS): Promise<{ frames: Buffer[]; raw: ParsedFrame[] }> {
    const frames: Buffer[] = [];
    const raw: ParsedFrame[] = [];
    for (;;) {
      const frame = await this.readFrame(what, baseMs);
      if (frame.flags & COMMAND) continue;
      frames.push(frame.body);
      raw.push(frame);
      if (!(frame.flags & MORE)) return { frames, raw };
    }
  }

  /**
   * The well-behaved opening: our whole greeting and READY in one write (never waiting for the
   * implementation's greeting first: libzmq sends its own in stages), then the implementation's
   * greeting and READY, whose properties are returned.
   */
  async handshake(
    socketType: SocketType,
    options: { minor?: number; identity?: string } = {},
  ): Promise<{ greeting: Buffer; properties: Array<[string, Buffer]> }> {
    await this.send(Buffer.concat([greeting({ minor: options.minor ?? 1 }), ready(socketType, options.identity)]));
    const theirs = await this.readGreeting();
    const { name, data } = await this.readCommand(`${this.label} receives a READY command after the greeting`);
    this.ctx.check(`first command from the implementation`, name, "READY");
    const parsed = parseProperties(data);
    this.ctx.check("READY properties follow the metadata grammar", parsed.ok ? "well-formed" : parsed.reason, "well-formed");
    return { greeting: theirs, properties: (parsed as { ok: true; properties: Array<[string, Buffer]> }).properties };
  }

  destroy(): void {
    this.wire.destroy();
  }

  /**
   * Stops reading the connection: what the implementation writes piles up in the kernel's socket
   * buffer until its writes stall (a peer that does not read). resume() reads again.
   */
  pause(): void {
    this.wire.pause();
  }

  resume(): void {
    this.wire.resume();
  }

  /** What a failed wait saw, for the report. */
  describe(how: Settled, baseMs = ARRIVAL_LIMIT_MS): string {
    const unread = this.unread;
    const shown = unread.length === 0 ? "" : `: ${hex(unread.subarray(0, 48))}${unread.length > 48 ? " …" : ""}`;
    if (how === "closed") return `connection closed with ${unread.length} unread bytes${shown}`;
    if (how === "timeout") return `${unread.length} unread bytes after ${this.ctx.limit(baseMs)} ms, connection open${shown}`;
    return "condition met";
  }
}

/** A socket of the implementation under test bound at a fresh path in the scenario's directory. */
/**
 * A connection to the socket file at `path` on the machine the implementation runs on: here
 * directly, on a remote machine through its site agent (which connects there and relays the
 * octets unchanged).
 */
async function connectOn(ctx: ScenarioContext, path: string): ReturnType<typeof connectThroughBacklog> {
  if (ctx.remote === undefined) return connectThroughBacklog(path, ctx.limit(ARRIVAL_LIMIT_MS));
  try {
    return { socket: await ctx.remote.connectUnix(path), outcome: "connected", refusals: 0 };
  } catch (err) {
    return { socket: null, outcome: (err as { code?: string }).code ?? (err as Error).message, refusals: 0 };
  }
}

export async function bound(ctx: ScenarioContext, type: SocketType, name: string, options?: TestSocketOptions): Promise<{ socket: TestSocket; path: string }> {
  const socket = await ctx.socket(ctx.impl, type, options);
  await socket.bind(ctx.endpoint(name));
  return { socket, path: ctx.path(name) };
}

/**
 * After a misbehaving peer: a well-behaved raw PUSH connects to the same PULL socket and its
 * message must be the next one the application receives. That shows the socket keeps serving,
 * and (the next message being ours) that nothing from the bad peer reached the application.
 */
export async function expectStillServes(ctx: ScenarioContext, pull: TestSocket, path: string): Promise<void> {
  const good = await RawPeer.connect(ctx, path, "well-behaved raw peer after the bad one");
  await good.handshake("PUSH");
  await good.send(message(["still-served"]));
  await ctx.expectMessage(
    pull,
    "the next message the application receives is the well-behaved peer's (the socket keeps serving, nothing from the bad peer was delivered)",
    ["still-served"],
  );
}

/** True when `bytes` start with a whole data message (commands before or among its frames allowed). */
export function holdsWholeMessage(bytes: Buffer): boolean {
  for (let at = 0; ;) {
    const frame = parseFrame(bytes, at);
    if (frame === null) return false;
    if (!(frame.flags & COMMAND) && !(frame.flags & MORE)) return true;
    at = frame.end;
  }
}

/**
 * Publishes pairs of messages, one outside `topic` then one inside it, until a message reaches
 * the raw subscriber (a PUB drops everything until it has processed the subscription, so the
 * first ones may legitimately vanish). Messages between two immediate peers arrive in order, so
 * if the PUB did not filter, the first message to arrive would be an "other" one: the first
 * arrival is checked to be inside the topic.
 */
export async function expectFilteredDelivery(ctx: ScenarioContext, pub: TestSocket, peer: RawPeer, topic: string): Promise<void> {
  const deadline = Date.now() + ctx.limit(ARRIVAL_LIMIT_MS);
  for (let probe = 0; ; probe++) {
    await pub.send([`other-${probe}`]);
    await pub.send([`${topic}-${probe}`]);
    const how = await peer.settle(holdsWholeMessage, 50);
    if (how === "met") break;
    if (how === "closed" || Date.now() > deadline) {
      ctx.check(`a published message inside the subscription reaches ${peer.label}`, peer.describe(how), "a message");
    }
  }
  const { frames } = await peer.readMessage("the first message to arrive");
  const first = frames.map((f) => f.toString("latin1")).join(" + ");
  ctx.check("the first message to arrive is inside the subscription (the publisher filtered)", first, (m) => m.startsWith(`${topic}-`), `"${topic}-<n>"`);
}

export interface BadPeerReaction {
  /** The implementation closed the bad peer's connection (before the first delivery, or by the end). */
  closed: boolean;
  /** Messages the application received from the bad peer (before the well-behaved peer's). */
  delivered: Buffer[][];
  /** The well-behaved peer's message reached the application afterwards. */
  stillServes: boolean;
}

/**
 * For bad peers whose treatment the spec leaves open: after the bad peer has sent its bytes,
 * waits for whichever comes first, a delivery to the PULL application or the close of the bad
 * connection, then has a well-behaved peer send "still-served" and reads until it arrives.
 * Only one receive is ever outstanding (a second concurrent receive is refused by some
 * implementations). Records, never judges.
 */
export async function watchBadPeer(ctx: ScenarioContext, pull: TestSocket, bad: RawPeer, path: string): Promise<BadPeerReaction> {
  const limit = ctx.limit(ARRIVAL_LIMIT_MS);
  const delivered: Buffer[][] = [];
  let pending = ctx.attempt(() => pull.receive(limit));
  const first = await Promise.race([pending.then(() => "message" as const), bad.settle(() => false).then((how) => how)]);
  if (first === "message") {
    const result = await pending;
    if (result.ok) delivered.push(result.value);
    pending = ctx.attempt(() => pull.receive(limit));
  }
  const closed = bad.closed;
  const good = await RawPeer.connect(ctx, path, "well-behaved raw peer after the bad one");
  await good.handshake("PUSH");
  await good.send(message(["still-served"]));
  let stillServes = false;
  for (let reads = 0; reads < 4; reads++) {
    const result = await pending;
    if (!result.ok) break;
    if (result.value.length === 1 && result.value[0].toString() === "still-served") {
      stillServes = true;
      break;
    }
    delivered.push(result.value);
    pending = ctx.attempt(() => pull.receive(limit));
  }
  return { closed: closed || bad.closed, delivered, stillServes };
}

/**
 * Sends "<sync>-<n>" probes (one topic the raw subscriber has just subscribed to, after the
 * changes under test) until one arrives, then a "<sync>-fence" and reads up to it. Subscription
 * changes from one connection are handled in order, so once the sync topic works, every change
 * sent before it has taken effect; and after the fence the raw peer has nothing unread.
 */
export async function syncSubscriptions(ctx: ScenarioContext, pub: TestSocket, peer: RawPeer, sync: string): Promise<void> {
  const deadline = Date.now() + ctx.limit(ARRIVAL_LIMIT_MS);
  for (let probe = 0; ; probe++) {
    await pub.send([`${sync}-${probe}`]);
    const how = await peer.settle(holdsWholeMessage, 50);
    if (how === "met") break;
    if (how === "closed" || Date.now() > deadline) {
      ctx.check(`a message on the sync topic "${sync}" reaches ${peer.label}`, peer.describe(how), "a message");
    }
  }
  await pub.send([`${sync}-fence`]);
  for (;;) {
    const { frames } = await peer.readMessage(`the fence message on "${sync}" arrives`);
    if (frames.length === 1 && frames[0].toString() === `${sync}-fence`) return;
  }
}
