import { scenario } from "../../harness/model/scenario";
import { SILENCE_LIMIT_MS } from "../../harness/runner/limits";
import type { ScenarioContext } from "../../harness/model/scenario-context";
import type { TestSocket } from "../../harness/model/implementation";
import { since, within } from "./support";

/** "Immediately", generously: a round trip to a driver under load, never a wait for room. */
const AT_ONCE_MS = 1000;

/** A send that must come back at once with EAGAIN. */
async function expectEagainAtOnce(ctx: ScenarioContext, socket: TestSocket, what: string): Promise<void> {
  const started = performance.now();
  const result = await within(
    ctx.limit(AT_ONCE_MS),
    ctx.attempt(() => socket.send(["refused"])),
  );
  const took = since(started);
  ctx.observe(`${what} (ms)`, took);
  if (result === "late") ctx.check(what, `no answer within ${ctx.limit(AT_ONCE_MS)} ms (the send blocks)`, "EAGAIN at once");
  else ctx.check(what, result.ok ? "accepted" : result.code, "EAGAIN", "EAGAIN at once");
}

export default scenario({
  id: "options.send-timeout-zero-returns-at-once",
  clause: "api.setsockopt.sndtimeo.zero",
  level: "MUST",
  title:
    "With sendTimeout 0, a send that cannot be queued (no endpoint at all; a queue at its high-water mark of 1) returns EAGAIN at once, and the refused message is never delivered",
  async run(ctx) {
    const pusher = await ctx.socket(ctx.impl, "PUSH", { sendTimeout: 0, sendHighWaterMark: 1 });
    await expectEagainAtOnce(ctx, pusher, "send on a PUSH with no endpoint at all");
    const endpoint = ctx.endpoint("unbound.sock");
    await pusher.connect(endpoint);
    await ctx.expectSuccess("the first send after connecting (the queue is empty)", () => pusher.send(["queued"]));
    await expectEagainAtOnce(ctx, pusher, "the second send (the queue is at its high-water mark of 1)");
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(endpoint);
    await ctx.expectMessage(puller, "the queued message reaches the binder", ["queued"]);
    await ctx.expectSilence(puller, "anything after it (the refused messages were never queued)", SILENCE_LIMIT_MS);
  },
});
