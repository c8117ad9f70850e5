import type { ScenarioContext } from "../../harness/model/scenario-context";
import { RawPeer } from "../raw-zmtp/raw-peer";
import { GREETING_SIZE, parseFrame } from "../raw-zmtp/zmtp-bytes";
import type { ProcessUsage } from "./process-usage";
import type { Target } from "./target";
import { PUSH_OPENING } from "./wire";

/**
 * Resident memory an implementation may gain over a round of an attack once it has reached its
 * working size. The first round grows heaps and pools to that size (garbage-collected runtimes
 * keep what they grew); after it, a leak of a few KiB per connection over hundreds of connections
 * shows above this.
 */
export const RSS_GROWTH_ALLOWANCE_KIB = 16 * 1024;

/**
 * Rounds added when the growth over the planned rounds is above the allowance. A heap that takes
 * one more step to its working size (a runtime's young generation alone is up to tens of MiB,
 * measured: +18.6 MiB from round 1 to 2 in a Node process hosting a TypeScript loader, +0.4 MiB
 * in the same process without it) does not step again; a leak grows in every round. So the
 * growth counts as a leak only when each added round grows by more than the allowance too.
 */
export const CONFIRMATION_ROUNDS = 2;

/** What one attacking connection does; `index` runs over 0..connections-1 in every round. */
export type Strike = (index: number) => Promise<void>;

export interface AttackPlan {
  /** How the report names the attack: "garbage instead of a greeting". */
  readonly label: string;
  /** Connections per round. */
  readonly connections: number;
  /** Rounds: the first warms the process up, later ones show a leak as growth (default 2). */
  readonly rounds?: number;
  /** Connections attacking at once (default 1). */
  readonly concurrency?: number;
  readonly strike: Strike;
}

interface RoundFigures {
  readonly round: number;
  readonly connections: number;
  readonly ms: number;
  readonly usage: ProcessUsage | null;
}

/**
 * Runs the attack round after round; after each, the target must recover (alive, no connection
 * held, descriptors at the baseline, a well-behaved peer served), and resident memory may not
 * grow from the first round's end to the last's by more than the allowance, unless the growth
 * stops in a confirmation round (see CONFIRMATION_ROUNDS). Figures per round go to the report.
 */
export async function expectSurvives(ctx: ScenarioContext, target: Target, plan: AttackPlan): Promise<void> {
  const rounds = plan.rounds ?? 2;
  const figures: RoundFigures[] = [];
  const runRound = async (round: number, of: string) => {
    const started = Date.now();
    await inParallel(plan.connections, plan.concurrency ?? 1, plan.strike);
    const ms = Date.now() - started;
    const usage = await target.expectRecovered(`${plan.label} (round ${round} of ${of}, ${plan.connections} connections)`);
    figures.push({ round, connections: plan.connections, ms, usage });
    return usage;
  };
  for (let round = 1; round <= rounds; round++) await runRound(round, String(rounds));
  const first = figures[0].usage;
  let from = first;
  let to = figures[figures.length - 1].usage;
  if (first !== null && to !== null && rounds > 1) {
    const planned = to.rssKiB - first.rssKiB;
    let span = `from round 1 to round ${rounds}`;
    // Extra rounds only while the growth is above the allowance: a step to the working size stops, a leak goes on.
    for (let extra = 1; extra <= CONFIRMATION_ROUNDS && from !== null && to !== null && to.rssKiB - from.rssKiB > RSS_GROWTH_ALLOWANCE_KIB; extra++) {
      const round = rounds + extra;
      from = to;
      to = await runRound(round, `${rounds} + ${CONFIRMATION_ROUNDS} confirming growth`);
      span = `in confirmation round ${round} (after ${planned} KiB from round 1 to round ${rounds}${extra > 1 ? ", and more in every round since" : ""})`;
    }
    observeRounds(ctx, plan.label, figures);
    if (from !== null && to !== null)
      ctx.check(
        `resident memory gained ${span} of ${plan.label} (KiB; ${first.rssKiB} KiB after round 1)`,
        to.rssKiB - from.rssKiB,
        (growth) => growth <= RSS_GROWTH_ALLOWANCE_KIB,
        `at most ${RSS_GROWTH_ALLOWANCE_KIB} KiB`,
      );
  } else observeRounds(ctx, plan.label, figures);
}

function observeRounds(ctx: ScenarioContext, label: string, figures: readonly RoundFigures[]): void {
  ctx.observe(
    `after each round of ${label}`,
    figures.map(({ round, connections, ms, usage }) => ({ round, connections, ms, descriptors: usage?.descriptors, rssKiB: usage?.rssKiB })),
  );
}

/** Runs strike(0..count-1) with at most `concurrency` at a time; the first violation stops the rest. */
async function inParallel(count: number, concurrency: number, strike: Strike): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await strike(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

export interface StrikeOptions {
  /** The clause demands that the implementation close the connection: wait for it (a violation otherwise). */
  readonly mustClose?: boolean;
  /**
   * Complete the handshake first (our greeting and READY, then the implementation's greeting and
   * READY) and only then send the bytes: ZMTP 3.1 lets a peer send traffic only after both
   * READYs, and libzmq drops a peer whose message arrives before it has sent its own.
   */
  readonly afterHandshake?: boolean;
}

/**
 * One attacking connection: sends `bytes` (a list is written piece by piece), then either waits
 * for the implementation to close the connection, which the clause demands (`mustClose`), or
 * drops it. Whether the implementation would have closed it is recorded by the zmtp-wire suite;
 * here what counts is what is left afterwards.
 */
export async function strikeWith(ctx: ScenarioContext, target: Target, label: string, bytes: Buffer | Buffer[], options: StrikeOptions = {}): Promise<void> {
  const peer = await RawPeer.attacker(ctx, target.path, label);
  try {
    if (options.afterHandshake) await handshakeQuietly(ctx, peer);
    for (const piece of Array.isArray(bytes) ? bytes : [bytes]) await peer.send(piece);
    if (options.mustClose) {
      const how = await peer.settle(() => false);
      if (how !== "closed") ctx.check(`the implementation closes the connection of ${label}`, peer.describe(how), "connection closed");
    }
  } finally {
    peer.destroy();
  }
}

/** A PUSH peer's handshake that records a check only when it fails (attacks open hundreds). */
export async function handshakeQuietly(ctx: ScenarioContext, peer: RawPeer): Promise<void> {
  await peer.send(PUSH_OPENING);
  await awaitTheirReady(ctx, peer);
}

/** Waits for the implementation's greeting and its first command (READY); a check only when they do not come. */
export async function awaitTheirReady(ctx: ScenarioContext, peer: RawPeer): Promise<void> {
  const how = await peer.settle((unread) => parseFrame(unread, GREETING_SIZE) !== null);
  if (how !== "met") ctx.check(`${peer.label} receives the implementation's greeting and READY`, peer.describe(how), "greeting and READY");
}
