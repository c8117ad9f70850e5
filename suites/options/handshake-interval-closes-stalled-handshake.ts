import { scenario } from "../../harness/model/scenario";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { greeting } from "../raw-zmtp/zmtp-bytes";
import { HANDSHAKE_INTERVAL_MS } from "./handshake";
import { since } from "./support";

export default scenario({
  id: "options.handshake-interval-closes-stalled-handshake",
  clause: "api.setsockopt.handshake-ivl",
  level: "MUST",
  title: "A bound PULL with handshakeInterval 200 closes a connection whose peer sends a valid greeting and then never its READY, within the arrival limit",
  async run(ctx) {
    const { path } = await bound(ctx, "PULL", "pull.sock", { handshakeInterval: ctx.limit(HANDSHAKE_INTERVAL_MS) });
    const opened = performance.now();
    const peer = await RawPeer.connect(ctx, path, "raw peer stopping after its greeting");
    await peer.send(greeting());
    await peer.readGreeting();
    await peer.expectClose("the implementation closes the connection of a peer that never sends READY", HANDSHAKE_INTERVAL_MS + ARRIVAL_LIMIT_MS);
    ctx.observe("closedAfterMs", since(opened));
  },
});
