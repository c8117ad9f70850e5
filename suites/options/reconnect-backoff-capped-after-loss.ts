import { scenario } from "../../harness/model/scenario";
import { CAPPED, bindAfter, pusherAfterLoss } from "./backoff";
import { since } from "./support";

export default scenario({
  id: "options.reconnect-backoff-capped-after-loss",
  clause: "api.setsockopt.reconnect-ivl-max",
  alsoChecks: ["api.setsockopt.reconnect-ivl-max.doubling"],
  level: "MUST",
  title:
    "With reconnectInterval 10 and reconnectMaxInterval 50, a PUSH whose peer went away 700 ms ago still tries every 50 ms: a new binder gets its message within 300 ms",
  requires: ["reconnect-interval"],
  async run(ctx) {
    const pusher = await pusherAfterLoss(ctx, "restarted.sock", CAPPED.interval, CAPPED.max);
    const puller = await bindAfter(ctx, pusher, "after-loss", "restarted.sock", CAPPED.failingFor);
    const bound = performance.now();
    await ctx.expectMessage(
      puller,
      `the message within ${ctx.limit(CAPPED.arrivalAfterBind)} ms of the new bind (attempts at most ${ctx.limit(CAPPED.max)} ms apart)`,
      ["after-loss"],
      CAPPED.arrivalAfterBind,
    );
    ctx.observe("arrivalAfterBindMs", since(bound));
  },
});
