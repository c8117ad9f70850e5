import { scenario } from "../../harness/model/scenario";
import { CAPPED, bindAfter, failingPusher } from "./backoff";
import { since } from "./support";

export default scenario({
  id: "options.reconnect-backoff-capped",
  clause: "api.setsockopt.reconnect-ivl-max",
  alsoChecks: ["api.setsockopt.reconnect-ivl-max.doubling"],
  level: "MUST",
  title:
    "With reconnectInterval 10 and reconnectMaxInterval 50, a PUSH that failed to connect for 700 ms still tries every 50 ms: a binder appearing then gets its message within 300 ms",
  requires: ["reconnect-interval"],
  async run(ctx) {
    const pusher = await failingPusher(ctx, "late.sock", CAPPED.interval, CAPPED.max);
    const puller = await bindAfter(ctx, pusher, "queued", "late.sock", CAPPED.failingFor);
    const bound = performance.now();
    await ctx.expectMessage(
      puller,
      `the message within ${ctx.limit(CAPPED.arrivalAfterBind)} ms of the bind (attempts at most ${ctx.limit(CAPPED.max)} ms apart)`,
      ["queued"],
      CAPPED.arrivalAfterBind,
    );
    ctx.observe("arrivalAfterBindMs", since(bound));
  },
});
