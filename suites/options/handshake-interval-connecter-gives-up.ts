import { scenario } from "../../harness/model/scenario";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";
import { RawListener } from "../raw-zmtp/raw-listener";
import { HANDSHAKE_INTERVAL_MS } from "./handshake";
import { since } from "./support";

export default scenario({
  id: "options.handshake-interval-connecter-gives-up",
  clause: "api.setsockopt.handshake-ivl",
  level: "MUST",
  needs: ["harness-machine"],
  title: "A connecting PUSH with handshakeInterval 200 closes its connection to a listener that never answers its greeting, and tries again with a new one",
  async run(ctx) {
    const listener = await RawListener.listen(ctx, ctx.path("silent.sock"), "silent raw listener");
    const pusher = await ctx.socket(ctx.impl, "PUSH", { handshakeInterval: ctx.limit(HANDSHAKE_INTERVAL_MS) });
    await pusher.connect(ctx.endpoint("silent.sock"));
    const first = await listener.expectConnection("the PUSH connects to the listener");
    const opened = performance.now();
    await first.expectClose("the PUSH closes the connection whose handshake never completes", HANDSHAKE_INTERVAL_MS + ARRIVAL_LIMIT_MS);
    ctx.observe("closedAfterMs", since(opened));
    await listener.expectConnection("the PUSH connects again (a closed handshake is a lost connection, not the end)");
  },
});
