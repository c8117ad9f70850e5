/**
 * The benchmark's parts work (each contender moves every message and answers every round trip;
 * statistics; the table): figures themselves are measured by `npm run bench`, never asserted here.
 */
import { rawNetContender } from "./contenders/raw-net";
import { referenceContender } from "./contenders/reference";
import { referenceBatchContender } from "./contenders/reference-batch";
import { zeromqContender } from "./contenders/zeromq";
import { cleanupPaths, freshPath } from "./temp-paths";
import { measureMemory } from "./memory";
import { median, percentile } from "./statistics";

afterAll(cleanupPaths);

describe.each([referenceContender, referenceBatchContender, zeromqContender, rawNetContender])("$id", (contender) => {
  test.each([16, 1024, 65536, 1048576])("moves every message of %i bytes", async (size) => {
    await expect(contender.throughput(freshPath(), size, size > 65536 ? 20 : 500)).resolves.toBeUndefined();
  });

  test("answers every round trip and times each", async () => {
    const times = await contender.roundTrips(freshPath(), 200);
    expect(times).toHaveLength(200);
    expect(times.every((ns) => Number.isFinite(ns) && ns > 0)).toBe(true);
  });
});

test("median and nearest-rank percentiles", () => {
  expect(median([5, 1, 3])).toBe(3);
  expect(median([4, 1, 3, 2])).toBe(2);
  expect(
    percentile(
      [...Array(100).keys()].map((i) => i + 1),
      99,
    ),
  ).toBe(99);
  expect(percentile([7], 99)).toBe(7);
  expect(() => median([])).toThrow(RangeError);
});

test.each(["reference", "zeromq", "raw"])(
  "the slow receiver of %s runs in its own process and reports its peak RSS",
  async (id) => {
    const result = await measureMemory(id, 10, 65536, 300);
    expect(result.received).toBeGreaterThan(0);
    expect(result.sent).toBeGreaterThanOrEqual(result.received);
    expect(result.peakMB).toBeGreaterThan(result.baselineMB);
  },
  30_000,
);
