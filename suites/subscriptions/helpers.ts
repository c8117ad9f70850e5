import type { SocketType, TestSocket, TestSocketOptions } from "../../harness/model/implementation";
import type { ScenarioContext } from "../../harness/model/scenario-context";
import { showFrames } from "../../harness/runner/context";
import { subscriptionMessage } from "../interop/helpers";

export { subscriptionMessage };

/** The XPUB under test, bound at `name` in the scenario's directory. */
export async function boundXpub(ctx: ScenarioContext, options: TestSocketOptions = {}, name = "xpub.sock"): Promise<TestSocket> {
  const xpub = await ctx.socket(ctx.impl, "XPUB", options);
  await xpub.bind(ctx.endpoint(name));
  return xpub;
}

/** A subscribing socket (SUB or XSUB) connected to `name`. */
export async function connected(ctx: ScenarioContext, type: Extract<SocketType, "SUB" | "XSUB">, name = "xpub.sock"): Promise<TestSocket> {
  const socket = await ctx.socket(ctx.impl, type);
  await socket.connect(ctx.endpoint(name));
  return socket;
}

/** Expects the XPUB to pass up `0x01+topic` (subscribe) or `0x00+topic` (cancel) next. */
export async function expectPassedUp(ctx: ScenarioContext, xpub: TestSocket, what: string, subscribe: boolean, topic: string): Promise<void> {
  await ctx.expectMessage(xpub, what, [subscriptionMessage(subscribe, topic)]);
}

/** Expects the XPUB to pass up exactly these (un)subscriptions next, in any order (one peer's cancels at its departure). */
export async function expectPassedUpInAnyOrder(ctx: ScenarioContext, xpub: TestSocket, what: string, expected: Array<[boolean, string]>): Promise<void> {
  const received: string[] = [];
  for (let i = 0; i < expected.length; i++) received.push(showFrames(await ctx.receive(xpub, `${what} (${i + 1} of ${expected.length})`)));
  const wanted = expected.map(([subscribe, topic]) => showFrames([subscriptionMessage(subscribe, topic)]));
  ctx.check(what, [...received].sort().join(" "), [...wanted].sort().join(" "));
}

/**
 * Publishes `<prefix>-<n>` until one of them arrives at the subscriber, skipping anything else
 * that arrives meanwhile (probes of an earlier round). A subscription reaches the publisher
 * asynchronously, and across a reconnect only once the subscriber is back: no other event to wait for.
 */
export async function publishUntilArrives(
  ctx: ScenarioContext,
  publisher: TestSocket,
  subscriber: TestSocket,
  prefix: string,
  what: string,
  baseMs = 2000,
): Promise<void> {
  const limit = ctx.limit(baseMs);
  const deadline = Date.now() + limit;
  for (let probe = 0; ; probe++) {
    await publisher.send([`${prefix}-${probe}`]);
    for (;;) {
      const result = await ctx.attempt(() => subscriber.receive(ctx.limit(10)));
      if (!result.ok) break;
      if (result.value[0]?.toString("latin1").startsWith(`${prefix}-`)) return;
    }
    if (Date.now() > deadline) ctx.check(what, `no ${prefix}-<n> message within ${limit} ms`, `a ${prefix}-<n> message`);
  }
}

/** The next message that is not a probe (probes are named `<topic>-probe...-<n>`). */
export async function nextSkippingProbes(ctx: ScenarioContext, subscriber: TestSocket, what: string): Promise<Buffer[]> {
  for (;;) {
    const frames = await ctx.receive(subscriber, what);
    if (!(frames[0]?.toString("latin1").includes("-probe") ?? false)) return frames;
  }
}
