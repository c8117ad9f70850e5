import type { TestSocket } from "../../harness/model/implementation";
import type { ScenarioContext } from "../../harness/model/scenario-context";
import { elapse } from "./support";

/**
 * The reconnect backoff scenarios: a PUSH whose connection attempts keep failing (nobody binds
 * its path) for a while, then a PULL binds, and how soon the queued message arrives says how long
 * the PUSH was waiting between attempts.
 *
 * With reconnectInterval R and doubling, attempts fail at 0, R, 3R, 7R, 15R, 31R...; libzmq 4.3.4
 * (and JeroMQ) add up to R of jitter to every interval, so attempt k comes up to kR later. With R
 * 25 ms attempt 4 is at 375 to 475 ms and attempt 5 at 775 to 900 ms: a binder appearing at 500 ms
 * waits at least 275 ms, where a constant interval brings it within 25 ms (with jitter, 50). With
 * a maximum of 50 ms and R 10 ms attempts are never more than 60 ms apart, where uncapped doubling
 * (0, 10, 30, 70, 150, 310, 630, 1270 ms) leaves a binder appearing at 700 ms some 570 ms alone.
 */
export const GROWTH = { interval: 25, max: 60_000, failingFor: 500, quietAfterBind: 150 } as const;
export const CAPPED = { interval: 10, max: 50, failingFor: 700, arrivalAfterBind: 300 } as const;

/** A PUSH with these reconnect options connected to `name`, where nothing is bound, with one message queued. */
export async function failingPusher(ctx: ScenarioContext, name: string, interval: number, max: number): Promise<TestSocket> {
  const pusher = await ctx.socket(ctx.impl, "PUSH", { reconnectInterval: ctx.limit(interval), reconnectMaxInterval: ctx.limit(max) });
  await pusher.connect(ctx.endpoint(name));
  return pusher;
}

/**
 * A PUSH that was connected to a PULL at `name` and has just lost it (the PULL closed): its
 * attempts to reconnect fail from here on, until something binds the path again.
 */
export async function pusherAfterLoss(ctx: ScenarioContext, name: string, interval: number, max: number): Promise<TestSocket> {
  const first = await ctx.socket(ctx.impl, "PULL");
  await first.bind(ctx.endpoint(name));
  const pusher = await failingPusher(ctx, name, interval, max);
  await pusher.send(["before-loss"]);
  await ctx.expectMessage(first, "the first PULL receives the message sent before the loss", ["before-loss"]);
  await first.close();
  return pusher;
}

/**
 * Lets the attempts fail for `baseMs`, then has `pusher` queue `body` (the PUSH has long noticed
 * any loss by then: the message waits in its queue, never in a dying connection) and binds a
 * PULL at `name`.
 */
export async function bindAfter(ctx: ScenarioContext, pusher: TestSocket, body: string, name: string, baseMs: number): Promise<TestSocket> {
  await elapse(ctx, baseMs);
  await pusher.send([body]);
  const puller = await ctx.socket(ctx.impl, "PULL");
  await puller.bind(ctx.endpoint(name));
  return puller;
}
