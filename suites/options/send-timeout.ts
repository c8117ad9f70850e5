import type { TestSocket } from "../../harness/model/implementation";
import type { ScenarioContext } from "../../harness/model/scenario-context";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";
import { since, within } from "./support";

/** The send timeout the positive-timeout scenarios set: long enough to measure, short enough to wait for. */
export const SEND_TIMEOUT_MS = 300;

/**
 * A send on `socket` (created with sendTimeout ctx.limit(SEND_TIMEOUT_MS)) that cannot be queued:
 * it must fail with EAGAIN once the timeout has passed, not before it and not long after it.
 */
export async function expectEagainAfterTimeout(ctx: ScenarioContext, socket: TestSocket, what: string): Promise<void> {
  const timeout = ctx.limit(SEND_TIMEOUT_MS);
  const bound = timeout + ctx.limit(ARRIVAL_LIMIT_MS);
  const started = performance.now();
  const result = await within(
    bound,
    ctx.attempt(() => socket.send(["refused"])),
  );
  const took = since(started);
  ctx.observe("refusedAfterMs", took);
  if (result === "late") ctx.check(what, `no answer within ${bound} ms (the send blocks)`, `EAGAIN after ${timeout} ms`);
  else ctx.check(what, result.ok ? "accepted" : result.code, "EAGAIN", `EAGAIN after ${timeout} ms`);
  ctx.check(`how long ${what} tried`, took, (ms) => ms >= 0.9 * timeout && ms <= bound, `${timeout} ms (up to ${bound})`);
}
