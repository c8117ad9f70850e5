import { scenario } from "../../harness/model/scenario";
import { SILENCE_LIMIT_MS } from "../../harness/runner/limits";
import { SEND_TIMEOUT_MS, expectEagainAfterTimeout } from "./send-timeout";

export default scenario({
  id: "options.send-timeout-expires-on-full-queue",
  clause: "api.setsockopt.sndtimeo.positive",
  level: "MUST",
  title:
    "With sendTimeout 300, a send into a queue at its high-water mark (1, nobody bound) tries for 300 ms and then fails with EAGAIN; the refused message is never delivered",
  async run(ctx) {
    const endpoint = ctx.endpoint("unbound.sock");
    const pusher = await ctx.socket(ctx.impl, "PUSH", { sendTimeout: ctx.limit(SEND_TIMEOUT_MS), sendHighWaterMark: 1 });
    await pusher.connect(endpoint);
    await ctx.expectSuccess("the first send (the queue is empty)", () => pusher.send(["queued"]));
    await expectEagainAfterTimeout(ctx, pusher, "the second send (the queue is full)");
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(endpoint);
    await ctx.expectMessage(puller, "the queued message reaches the binder", ["queued"]);
    await ctx.expectSilence(puller, "anything after it (the refused message was never queued)", SILENCE_LIMIT_MS);
  },
});
