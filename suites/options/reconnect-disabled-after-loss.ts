import { scenario } from "../../harness/model/scenario";
import { RawListener } from "../raw-zmtp/raw-listener";

/** Longer than libzmq's default reconnect interval (100 ms) plus its jitter (up to 100 ms), twice over. */
const WATCH_MS = 400;

export default scenario({
  id: "options.reconnect-disabled-after-loss",
  clause: "api.setsockopt.reconnect-ivl.disabled",
  level: "MUST",
  needs: ["harness-machine"],
  title: "With reconnectInterval -1, a PUSH whose established connection is lost does not connect again",
  requires: ["reconnect-interval"],
  async run(ctx) {
    const listener = await RawListener.listen(ctx, ctx.path("pull.sock"), "raw PULL listener");
    const pusher = await ctx.socket(ctx.impl, "PUSH", { reconnectInterval: -1 });
    await pusher.connect(ctx.endpoint("pull.sock"));
    const first = await listener.expectConnection("the PUSH connects (its first attempt finds the listener)");
    await first.handshake("PULL");
    first.destroy();
    // The listener is still there: any reconnection attempt would show as a new connection.
    const again = await listener.next(WATCH_MS);
    ctx.check(`a new connection within ${ctx.limit(WATCH_MS)} ms of the loss`, again === null ? "none" : "the PUSH connected again", "none");
  },
});
