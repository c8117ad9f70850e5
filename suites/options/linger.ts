import type { TestSocket, TestSocketOptions } from "../../harness/model/implementation";
import type { ScenarioContext } from "../../harness/model/scenario-context";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";
import { sendWhenAccepted } from "../connect-before-bind/send-when-accepted";
import { settle } from "../wildcard/support";
import { STALL_MS, fillUntilStalled } from "./support";

/** Both high-water marks: small, so that the path fills after a few messages. */
const HIGH_WATER_MARK = 4;
/** Far past what a path with these marks holds (libzmq 4.3.5: 10, the reference: 12). */
const MAX_ATTEMPTS = 60;

export interface StalledPath {
  readonly pusher: TestSocket;
  readonly puller: TestSocket;
  readonly endpoint: string;
  /** The socket file of the endpoint. */
  readonly file: string;
  /** Bulk messages the PUSH accepted: some are still queued in it, for a PULL that does not read. */
  readonly accepted: number;
}

/**
 * A PUSH (with `options`, its linger among them) and a PULL with small high-water marks, the
 * PUSH binding or connecting, with the connection up and then filled with bulk messages the PULL
 * does not read, until a send times out: the PUSH then holds messages it has not written.
 */
export async function stalledPath(ctx: ScenarioContext, pushBinds: boolean, options: TestSocketOptions): Promise<StalledPath> {
  const file = ctx.path("stalled.sock");
  const endpoint = `ipc://${file}`;
  const puller = await ctx.socket(ctx.impl, "PULL", { receiveHighWaterMark: HIGH_WATER_MARK });
  const pusher = await ctx.socket(ctx.impl, "PUSH", { sendHighWaterMark: HIGH_WATER_MARK, sendTimeout: ctx.limit(STALL_MS), ...options });
  if (pushBinds) {
    await pusher.bind(endpoint);
    await puller.connect(endpoint);
  } else {
    await puller.bind(endpoint);
    await pusher.connect(endpoint);
  }
  // A bound PUSH has no queue until the PULL's connection is made: retry until one takes it.
  await sendWhenAccepted(ctx, pusher, ["sync"], "a first message, once the connection is up", ARRIVAL_LIMIT_MS);
  await ctx.expectMessage(puller, "the first message: the connection is up", ["sync"]);
  const accepted = await fillUntilStalled(ctx, pusher, MAX_ATTEMPTS, "filling the path to a PULL that is not read");
  ctx.check("the path fills: a send times out", accepted < MAX_ATTEMPTS ? "yes" : `no, all ${MAX_ATTEMPTS} accepted`, "yes");
  return { pusher, puller, endpoint, file, accepted };
}

/**
 * Closes the PUSH that bound the stalled path and waits until its socket file is gone: the close
 * has then been taken in. libzmq closes asynchronously: zmq_close() returns at once, and only
 * later does its reaper thread tell the I/O thread to drop what the PUSH still holds (linger 0)
 * or to start the linger period. A PULL that reads before then makes room and the held messages
 * go out (seen once in CI on a loaded machine: all 9 delivered after a linger-0 close). The I/O
 * thread unlinks the file after it has taken the termination of the PUSH's pipes in, so the
 * file's disappearance is the event to wait for. Without a file (JeroMQ's TCP port behind the
 * name) there is nothing to wait for; a file that stays is for the endpoint-lifecycle scenarios
 * to judge: here it only costs the arrival limit.
 */
export async function closeBoundPusher(ctx: ScenarioContext, path: StalledPath): Promise<void> {
  await path.pusher.close();
  await settle(ctx, async () => (await ctx.files.kind(path.file)) !== "socket", ARRIVAL_LIMIT_MS);
}
