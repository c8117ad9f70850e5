import { createHash } from "node:crypto";
import type { SocketType, TestSocket, TestSocketOptions } from "../../harness/model/implementation";
import type { ScenarioContext } from "../../harness/model/scenario-context";
import { relayedEndpoint } from "../raw-zmtp/recording-relay";

/**
 * Every socket here lingers 0: a message that a scenario expects never to be delivered must not
 * keep a closed socket alive (or reconnecting) after the scenario.
 */
const QUIET: TestSocketOptions = { linger: 0 };

export interface ConnectedPair {
  /** The binder's socket (ctx.binder's implementation). */
  readonly bound: TestSocket;
  /** The connecter's socket (ctx.connecter's implementation). */
  readonly connected: TestSocket;
}

/** The binder's socket bound at one path in ctx.dir and the connecter's socket connected to it. */
export async function connectPair(
  ctx: ScenarioContext,
  binderType: SocketType,
  connecterType: SocketType,
  options: { binder?: TestSocketOptions; connecter?: TestSocketOptions } = {},
): Promise<ConnectedPair> {
  const endpoint = ctx.endpoint("interop.sock");
  const bound = await ctx.socket(ctx.binder, binderType, { ...QUIET, ...options.binder });
  await bound.bind(endpoint);
  const connected = await ctx.socket(ctx.connecter, connecterType, { ...QUIET, ...options.connecter });
  await connected.connect(await throughRelay(ctx, endpoint));
  return { bound, connected };
}

/** The endpoint the connecter uses: through a recording relay when the run records transcripts. */
function throughRelay(ctx: ScenarioContext, endpoint: string): Promise<string> {
  return relayedEndpoint(ctx, endpoint, `${ctx.connecter.id} (connecter)`, `${ctx.binder.id} (binder)`);
}

/** A socket of the connecter's implementation connected to the binder's path (a second peer). */
export async function connectAnother(ctx: ScenarioContext, type: SocketType, options: TestSocketOptions = {}): Promise<TestSocket> {
  const socket = await ctx.socket(ctx.connecter, type, { ...QUIET, ...options });
  await socket.connect(await throughRelay(ctx, ctx.endpoint("interop.sock")));
  return socket;
}

/** `size` bytes of a pattern that differs per seed and per offset, so a shifted or mixed-up byte shows. */
export function patterned(size: number, seed: number): Buffer {
  const buffer = Buffer.alloc(size);
  for (let i = 0; i < size; i++) buffer[i] = (i * 31 + seed * 7 + (i >> 8)) & 0xff;
  return buffer;
}

/** Frames as sizes and digests: comparable, and readable in a report even when they are large. */
export function fingerprint(frames: Buffer[]): string {
  return `[${frames.map((frame) => `${frame.length} B ${createHash("sha256").update(frame).digest("hex").slice(0, 12)}`).join(", ")}]`;
}

/** Expects the next message to have exactly these frames (compared by size and digest). */
export async function expectFrames(ctx: ScenarioContext, socket: TestSocket, what: string, frames: Buffer[]): Promise<void> {
  const received = await ctx.receive(socket, what);
  ctx.check(what, fingerprint(received), fingerprint(frames));
}

/** How the subscribing side subscribes: SUB through its API, XSUB by sending 0x01/0x00 + topic. */
export interface SubscriberControl {
  subscribe(topic: string): Promise<void>;
  unsubscribe(topic: string): Promise<void>;
}

export function subscriberControl(socket: TestSocket): SubscriberControl {
  if (socket.type === "XSUB") {
    return {
      subscribe: (topic) => socket.send([subscriptionMessage(true, topic)]),
      unsubscribe: (topic) => socket.send([subscriptionMessage(false, topic)]),
    };
  }
  return { subscribe: (topic) => socket.subscribe(topic), unsubscribe: (topic) => socket.unsubscribe(topic) };
}

/** The message form of a subscription, as XSUB sends it and XPUB receives it. */
export function subscriptionMessage(subscribe: boolean, topic: string): Buffer {
  return Buffer.concat([Buffer.from([subscribe ? 1 : 0]), Buffer.from(topic)]);
}

/**
 * Publishes `<topic>-probe-<n>` until one arrives at the subscriber. A subscription reaches the
 * publisher asynchronously and a publisher drops what nobody has subscribed to, so there is no
 * other event to wait for. A probe may still be in flight when this returns: readers skip them
 * with receiveSkipping.
 */
export async function publishUntilReceived(
  ctx: ScenarioContext,
  publisher: TestSocket,
  subscriber: TestSocket,
  topic: string,
  what: string,
): Promise<Buffer[]> {
  const limit = ctx.limit(2000);
  const deadline = Date.now() + limit;
  for (let probe = 0; ; probe++) {
    await publisher.send([`${topic}-probe-${probe}`]);
    const result = await ctx.attempt(() => subscriber.receive(ctx.limit(10)));
    if (result.ok) return result.value;
    if (Date.now() > deadline) ctx.check(what, `no message on the subscribed topic within ${limit} ms`, "a message on the subscribed topic");
  }
}

/** The next message whose first frame does not start with `skipped` (left-over probes). */
export async function receiveSkipping(ctx: ScenarioContext, socket: TestSocket, skipped: string, what: string): Promise<Buffer[]> {
  for (;;) {
    const frames = await ctx.receive(socket, what);
    if (!(frames[0]?.toString("latin1").startsWith(skipped) ?? false)) return frames;
  }
}
