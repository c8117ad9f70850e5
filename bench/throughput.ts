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
 * PUSH -> PULL throughput of one contender at one size: a warm-up that also calibrates the count
 * (so every contender runs for about the same time whatever its speed), then repetitions; the
 * figure is the median rate.
 */
export async function measureThroughput(contender: Contender, size: number, plan: ThroughputPlan): Promise<ThroughputResult> {
  // Warm-up: let the JIT see the hot path, and estimate the rate.
  let count = Math.max(10, Math.round(200_000 / Math.max(1, size / 64)));
  let elapsed = await timed(() => contender.throughput(freshPath(), size, count));
  while (elapsed < plan.targetMs / 4) {
    count = Math.ceil(count * Math.min(8, plan.targetMs / 2 / Math.max(elapsed, 1)));
    elapsed = await timed(() => contender.throughput(freshPath(), size, count));
  }
  count = Math.max(10, Math.round((count * plan.targetMs) / elapsed));
  // One full-length run more before measuring: the JIT keeps improving a hot loop for a while.
  await contender.throughput(freshPath(), size, count);
  const samples: number[] = [];
  for (let i = 0; i < plan.repetitions; i++) {
    const ms = await timed(() => contender.throughput(freshPath(), size, count));
    samples.push((count * 1000) / ms);
  }
  const messagesPerSecond = median(samples);
  return {
    size,
    count,
    samples: samples.map(Math.round),
    messagesPerSecond: Math.round(messagesPerSecond),
    megabytesPerSecond: round2((messagesPerSecond * size) / 1e6),
  };
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
