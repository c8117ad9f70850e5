import type { Contender } from "./contender";
import { median, percentile } from "./statistics";
import { freshPath } from "./temp-paths";

export interface LatencyResult {
  roundTrips: number;
  /** Microseconds. */
  medianUs: number;
  p99Us: number;
}

/** REQ/REP round trips of 16 bytes: a warm-up run, then the median and p99 over all measured trips. */
export async function measureLatency(contender: Contender, roundTrips: number): Promise<LatencyResult> {
  await contender.roundTrips(freshPath(), Math.min(2000, roundTrips));
  const times = await contender.roundTrips(freshPath(), roundTrips);
  return { roundTrips, medianUs: us(median(times)), p99Us: us(percentile(times, 99)) };
}

function us(ns: number): number {
  return Math.round(ns / 10) / 100;
}
