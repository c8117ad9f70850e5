import { scenario } from "../../harness/model/scenario";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";
import { GROWTH, bindAfter, failingPusher } from "./backoff";
import { since } from "./support";

export default scenario({
  id: "options.reconnect-backoff-grows",
  clause: "api.setsockopt.reconnect-ivl-max.doubling",
  alsoChecks: ["api.setsockopt.reconnect-ivl-max"],
  level: "MUST",
  title:
    "With reconnectInterval 25 and a large reconnectMaxInterval, a PUSH that failed to connect for 500 ms waits a grown interval: a binder appearing then gets its message after more than 150 ms",
  requires: ["reconnect-interval"],
  async run(ctx) {
    const pusher = await failingPusher(ctx, "late.sock", GROWTH.interval, GROWTH.max);
    const puller = await bindAfter(ctx, pusher, "queued", "late.sock", GROWTH.failingFor);
    const bound = performance.now();
    await ctx.expectSilence(
      puller,
      `the message within ${ctx.limit(GROWTH.quietAfterBind)} ms of the bind (the PUSH is waiting out a doubled interval)`,
      GROWTH.quietAfterBind,
    );
    await ctx.expectMessage(puller, "the message, once the PUSH tries again", ["queued"], ARRIVAL_LIMIT_MS);
    ctx.observe("arrivalAfterBindMs", since(bound));
  },
});
