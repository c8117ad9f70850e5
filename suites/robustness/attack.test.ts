import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { implementationById } from "../../harness/adapters/registry";
import { platformLimits } from "../../harness/model/platform-limits";
import { RunnerContext } from "../../harness/runner/context";
import { Violation } from "../../harness/runner/verdicts";
import { expectSurvives, RSS_GROWTH_ALLOWANCE_KIB } from "./attack";
import type { ProcessUsage } from "./process-usage";
import type { Target } from "./target";

const MIB = 1024;

/** A target whose resident memory after each round is scripted (KiB), and which counts the rounds it recovered from. */
function scriptedTarget(rssAfterRound: number[]): { target: Target; rounds: () => number } {
  let round = 0;
  const usage = (rssKiB: number): ProcessUsage => ({ descriptors: 10, rssKiB, peakKiB: rssKiB, connections: 0 });
  const target = {
    expectRecovered: async () => usage(rssAfterRound[Math.min(round++, rssAfterRound.length - 1)]),
  } as unknown as Target;
  return { target, rounds: () => round };
}

describe("expectSurvives' memory check", () => {
  let dir: string;
  let ctx: RunnerContext;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "zic-attack-"));
    const reference = implementationById("reference");
    ctx = new RunnerContext({ dir, binder: reference, connecter: reference, platform: platformLimits(), multiplier: 1 });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const attack = (target: Target) => expectSurvives(ctx, target, { label: "an attack", connections: 3, strike: async () => undefined });
  const memoryCheck = () => ctx.checks.find((c) => c.what.startsWith("resident memory gained"));

  test("growth within the allowance passes after the planned two rounds, with no extra round", async () => {
    const { target, rounds } = scriptedTarget([100 * MIB, 100 * MIB + RSS_GROWTH_ALLOWANCE_KIB]);
    await attack(target);
    expect(rounds()).toBe(2);
    expect(memoryCheck()).toMatchObject({ ok: true, observed: String(RSS_GROWTH_ALLOWANCE_KIB) });
  });

  test("a one-time step above the allowance (a heap reaching its working size) passes once a confirmation round does not grow", async () => {
    const { target, rounds } = scriptedTarget([180 * MIB, 199 * MIB, 199 * MIB + 500]);
    await attack(target);
    expect(rounds()).toBe(3);
    expect(memoryCheck()).toMatchObject({ ok: true, observed: "500" });
    expect(memoryCheck()?.what).toContain("confirmation round 3 (after 19456 KiB from round 1 to round 2)");
    expect(ctx.observations["after each round of an attack"]).toHaveLength(3);
  });

  test("growth above the allowance in every round, confirmation rounds included, is a leak and fails", async () => {
    const { target, rounds } = scriptedTarget([100 * MIB, 120 * MIB, 140 * MIB, 160 * MIB, 180 * MIB]);
    await expect(attack(target)).rejects.toBeInstanceOf(Violation);
    expect(rounds()).toBe(4);
    expect(memoryCheck()).toMatchObject({ ok: false, observed: String(20 * MIB) });
    expect(memoryCheck()?.what).toContain("and more in every round since");
    expect(ctx.observations["after each round of an attack"]).toHaveLength(4);
  });
});
