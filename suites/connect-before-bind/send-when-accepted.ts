import type { TestSocket } from "../../harness/model/implementation";
import type { ScenarioContext } from "../../harness/model/scenario-context";

/**
 * Sends on a socket whose sendTimeout is 0 until the implementation accepts the message (EAGAIN
 * means no pipe can take it yet), yielding to the event loop between attempts; never sleeps.
 * Returns how many attempts it took. Any other error, or no acceptance within the limit, is a
 * failed check.
 */
export async function sendWhenAccepted(ctx: ScenarioContext, socket: TestSocket, frames: string[], what: string, baseMs: number): Promise<number> {
  const deadline = Date.now() + ctx.limit(baseMs);
  for (let attempts = 1; ; attempts++) {
    const result = await ctx.attempt(() => socket.send(frames));
    if (result.ok) return attempts;
    if (result.code !== "EAGAIN") ctx.check(what, `error ${result.code}`, "accepted");
    if (Date.now() > deadline) ctx.check(what, `still EAGAIN after ${ctx.limit(baseMs)} ms`, "accepted");
    await new Promise((resolve) => setImmediate(resolve));
  }
}
