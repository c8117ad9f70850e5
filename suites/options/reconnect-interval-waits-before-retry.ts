import { scenario } from "../../harness/model/scenario";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";
import { RawListener } from "../raw-zmtp/raw-listener";
import { since } from "./support";

/** Three times libzmq's default (100 ms): a socket that ignores the option comes back too early. */
const INTERVAL_MS = 300;

export default scenario({
  id: "options.reconnect-interval-waits-before-retry",
  clause: "api.setsockopt.reconnect-ivl",
  level: "MUST",
  needs: ["harness-machine"],
  title: "With reconnectInterval 300, a PUSH whose connection is lost connects again, and not before 300 ms have passed",
  requires: ["reconnect-interval"],
  async run(ctx) {
    const interval = ctx.limit(INTERVAL_MS);
    const listener = await RawListener.listen(ctx, ctx.path("pull.sock"), "raw PULL listener");
    const pusher = await ctx.socket(ctx.impl, "PUSH", { reconnectInterval: interval });
    await pusher.connect(ctx.endpoint("pull.sock"));
    const first = await listener.expectConnection("the PUSH connects");
    await first.handshake("PULL");
    const lost = performance.now();
    first.destroy();
    await listener.expectConnection("the PUSH connects again after losing its connection", INTERVAL_MS + ARRIVAL_LIMIT_MS);
    const waited = since(lost);
    ctx.observe("reconnectAfterMs", waited);
    // A lower bound only: zmq_setsockopt(3) allows the interval to be randomized upwards.
    ctx.check("time from the loss to the new connection", waited, (ms) => ms >= 0.9 * interval, `at least the reconnect interval, ${interval} ms`);
  },
});
