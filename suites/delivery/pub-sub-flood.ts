import type { TestSocket } from "../../harness/model/implementation";
import type { ScenarioContext } from "../../harness/model/scenario-context";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";
import { isIncreasing } from "./sequence";

/** The high-water mark on both sides: small, so that the flood passes it many times over. */
export const FLOOD_HIGH_WATER_MARK = 10;
/**
 * Messages published while the subscriber does not read: 200 times the mark. Enough to pass it
 * many times over; more would only slow the drivers, which pay a round trip per message.
 */
export const FLOOD_COUNT = 2000;
/**
 * How long the drain may go without a message before the PUB counts as stuck in the mute state:
 * longer than ARRIVAL_LIMIT_MS because the flood has just filled every queue of the process under
 * test, and a runtime that collects garbage or compiles while it drains them can pause for seconds
 * on a loaded machine (JeroMQ's driver went more than 2 s without a message in 1 of 20 runs beside a
 * 2:1 CPU hog, and in none of 40 with 10 s). It is a bound, not a wait: only a stuck PUB pays it.
 */
export const DRAIN_STALL_LIMIT_MS = 5 * ARRIVAL_LIMIT_MS;

export interface FloodMessages {
  /** The frames of message n. */
  make(n: number): string[];
  /** n when `frames` is message n whole and unchanged, else null. */
  parse(frames: Buffer[]): number | null;
}

export interface FloodResult {
  /** The numbers of the flood messages that arrived, in arrival order. */
  received: number[];
  /** Messages that arrived and are not one of the flood's, whole (shown as text). */
  foreign: string[];
}

/**
 * A PUB (sendHighWaterMark and sendTimeout 0, so a blocking send would show as EAGAIN) and a
 * subscribed SUB (receiveHighWaterMark) that stops reading while the PUB publishes FLOOD_COUNT
 * numbered messages, far past both marks. Then the SUB drains while the PUB publishes "end"
 * markers until one arrives. Every marker goes after every flood message, so the first to arrive
 * means the SUB has everything that was not dropped; it also shows the PUB left the mute state. Checks that every publish was accepted at once; returns what arrived for the scenario
 * to judge, and records the counts.
 */
export async function floodSlowSubscriber(ctx: ScenarioContext, messages: FloodMessages): Promise<FloodResult> {
  const endpoint = ctx.endpoint("flood.sock");
  const pub = await ctx.socket(ctx.impl, "PUB", { sendHighWaterMark: FLOOD_HIGH_WATER_MARK, sendTimeout: 0 });
  await pub.bind(endpoint);
  const sub = await ctx.socket(ctx.impl, "SUB", { receiveHighWaterMark: FLOOD_HIGH_WATER_MARK });
  await sub.subscribe("");
  await sub.connect(endpoint);
  // A PUB drops everything until it has the subscription: probe until one gets through, then a
  // fence flushes out the probes still on their way, so the SUB starts the flood with nothing queued.
  await ctx.probeUntilReceived(pub, sub, "a probe reaches the subscriber once the subscription is in place");
  await pub.send(["fence"]);
  for (;;) {
    const frames = await ctx.receive(sub, "the fence after the probes arrives");
    const text = frames.map(String).join("+");
    if (text === "fence") break;
    ctx.check("what arrives before the fence", text, (t) => /^probe-\d+$/.test(t), "a probe");
  }

  const started = performance.now();
  for (let n = 0; n < FLOOD_COUNT; n++) {
    const result = await ctx.attempt(() => pub.send(messages.make(n)));
    if (!result.ok)
      ctx.check("every publish is accepted at once (PUB never blocks)", `message ${n} refused with ${result.code}`, `all ${FLOOD_COUNT} accepted`);
  }
  ctx.check("every publish is accepted at once (PUB never blocks)", `all ${FLOOD_COUNT} accepted`, `all ${FLOOD_COUNT} accepted`);
  ctx.observe("publishMs", Math.round(performance.now() - started));

  const result = await drainUntilEnd(ctx, pub, sub, messages);
  const dropped = FLOOD_COUNT - new Set(result.received).size;
  ctx.observe("published", FLOOD_COUNT);
  ctx.observe("highWaterMark", FLOOD_HIGH_WATER_MARK);
  ctx.observe("received", result.received.length);
  ctx.observe("dropped", dropped);
  const firstGap = result.received.findIndex((n, i) => n !== i);
  if (firstGap >= 0) ctx.observe("firstDropped", firstGap);
  return result;
}

async function drainUntilEnd(ctx: ScenarioContext, pub: TestSocket, sub: TestSocket, messages: FloodMessages): Promise<FloodResult> {
  const received: number[] = [];
  const foreign: string[] = [];
  let markers = 0;
  const publishMarker = async () => {
    const sent = await ctx.attempt(() => pub.send(["end"]));
    if (!sent.ok) ctx.check("every publish is accepted at once (PUB never blocks)", `end marker ${markers + 1} refused with ${sent.code}`, "accepted");
    markers++;
  };
  // A marker published while the PUB is still mute is dropped like any other message: another
  // goes out each time the subscriber finds nothing to read, so one is bound to follow the drain.
  await publishMarker();
  // The limit is on progress: the drain may take long when much was queued, never long without a message.
  let lastArrival = Date.now();
  for (;;) {
    const next = await ctx.attempt(() => sub.receive(ctx.limit(50)));
    if (!next.ok) {
      if (next.code !== "EAGAIN") ctx.check("receive on the subscriber while draining", `error ${next.code}`, "a message or nothing yet");
      if (Date.now() - lastArrival > ctx.limit(DRAIN_STALL_LIMIT_MS)) {
        ctx.check(
          "an end marker arrives after the flood (the PUB leaves the mute state)",
          `nothing for ${ctx.limit(DRAIN_STALL_LIMIT_MS)} ms after ${received.length} flood messages`,
          "an end marker",
        );
      }
      await publishMarker();
      continue;
    }
    lastArrival = Date.now();
    if (next.value.length === 1 && next.value[0].toString() === "end") break;
    const n = messages.parse(next.value);
    if (n === null) foreign.push(next.value.map((f) => f.toString("latin1").slice(0, 40)).join(" + "));
    else received.push(n);
  }
  ctx.observe("endMarkersPublished", markers);
  return { received, foreign };
}

/** The checks every flood scenario makes on what arrived. */
export function checkFloodArrivals(ctx: ScenarioContext, result: FloodResult, whole: string): void {
  ctx.check(
    `every message that arrived is ${whole}`,
    result.foreign.length === 0 ? "all" : `${result.foreign.length} not, the first: ${result.foreign[0]}`,
    "all",
  );
  // The first message went into an empty queue, before any mute state: dropping everything is not "until the mute state ends".
  ctx.check("flood messages that reached the subscriber", result.received.length, (n) => n >= 1, "at least 1");
  const firstDeparture = result.received.findIndex((n, i) => i > 0 && n <= result.received[i - 1]);
  ctx.check(
    "numbers of the messages that arrived, in arrival order (drops leave gaps; none repeats or goes back)",
    isIncreasing(result.received) ? "strictly increasing" : `number ${result.received[firstDeparture]} after ${result.received[firstDeparture - 1]}`,
    "strictly increasing",
  );
}
