import { scenario } from "../../harness/model/scenario";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { HANDSHAKE_INTERVAL_MS } from "./handshake";
import { since } from "./support";

export default scenario({
  id: "options.handshake-interval-closes-silent-peer",
  clause: "api.setsockopt.handshake-ivl",
  level: "MUST",
  title:
    "A bound PULL with handshakeInterval 200 closes a connection whose peer never sends its greeting, within the arrival limit (the default would wait 30 s)",
  async run(ctx) {
    const { path } = await bound(ctx, "PULL", "pull.sock", { handshakeInterval: ctx.limit(HANDSHAKE_INTERVAL_MS) });
    const opened = performance.now();
    const peer = await RawPeer.connect(ctx, path, "silent raw peer");
    await peer.expectClose("the implementation closes the connection of a peer that sends nothing", HANDSHAKE_INTERVAL_MS + ARRIVAL_LIMIT_MS);
    ctx.observe("closedAfterMs", since(opened));
  },
});
