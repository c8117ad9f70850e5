import type { Contender } from "./contender";
import { median } from "./statistics";
import { freshPath } from "./temp-paths";

export interface ThroughputResult {
  size: number;
  /** Messages per repetition (calibrated so that one takes about `targetMs`). */
  count: number;
  /** Each repetition's rate, messages per second. */
  samples: number[];
  messagesPerSecond: number;
  megabytesPerSecond: number;
}

export interface ThroughputPlan {
  repetitions: number;
  /** How long one repetition should take. */
  targetMs: number;
}

/**
 * PUSH -> PULL throughput of several contenders at one size. Each is warmed up and calibrated
 * first (so that every contender runs for about the same time whatever its speed); then the
 * repetitions go round the contenders in turn, so a noisy moment of the machine falls on all of
 * them rather than on whichever was measuring then. The figure is each one's median rate.
 */
export async function measureThroughputs(contenders: readonly Contender[], size: number, plan: ThroughputPlan): Promise<ThroughputResult[]> {
  const counts: number[] = [];
  for (const contender of contenders) counts.push(await calibrate(contender, size, plan));
  const samples: number[][] = contenders.map(() => []);
  for (let round = 0; round < plan.repetitions; round++) {
    for (const [i, contender] of contenders.entries()) {
      const ms = await timed(() => contender.throughput(freshPath(), size, counts[i]));
      samples[i].push((counts[i] * 1000) / ms);
    }
  }
  return contenders.map((_, i) => {
    const messagesPerSecond = median(samples[i]);
    return {
      size,
      count: counts[i],
      samples: samples[i].map(Math.round),
      messagesPerSecond: Math.round(messagesPerSecond),
      megabytesPerSecond: round2((messagesPerSecond * size) / 1e6),
    };
  });
}

/** A warm-up that lets the JIT see the hot path and finds the count that takes about `targetMs`. */
async function calibrate(contender: Contender, size: number, plan: ThroughputPlan): Promise<number> {
  let count = Math.max(10, Math.round(200_000 / Math.max(1, size / 64)));
  let elapsed = await timed(() => contender.throughput(freshPath(), size, count));
  while (elapsed < plan.targetMs / 4) {
    count = Math.ceil(count * Math.min(8, plan.targetMs / 2 / Math.max(elapsed, 1)));
    elapsed = await timed(() => contender.throughput(freshPath(), size, count));
  }
  // One full-length run more, measured, for the final count: the JIT keeps improving a hot loop
  // for a while, so the first estimate is low.
  count = Math.max(10, Math.round((count * plan.targetMs) / elapsed));
  elapsed = await timed(() => contender.throughput(freshPath(), size, count));
  return Math.max(10, Math.round((count * plan.targetMs) / elapsed));
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
