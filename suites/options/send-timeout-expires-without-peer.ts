import { scenario } from "../../harness/model/scenario";
import { SEND_TIMEOUT_MS, expectEagainAfterTimeout } from "./send-timeout";

export default scenario({
  id: "options.send-timeout-expires-without-peer",
  clause: "api.setsockopt.sndtimeo.positive",
  level: "MUST",
  title: "With sendTimeout 300, a send on a PUSH that has no endpoint at all tries for 300 ms and then fails with EAGAIN",
  async run(ctx) {
    const pusher = await ctx.socket(ctx.impl, "PUSH", { sendTimeout: ctx.limit(SEND_TIMEOUT_MS) });
    await expectEagainAfterTimeout(ctx, pusher, "a send with nowhere to go");
  },
});
