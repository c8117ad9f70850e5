import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { message } from "../raw-zmtp/zmtp-bytes";
import { SHORT_HANDSHAKE_INTERVAL_MS } from "./handshake";
import { elapse } from "./support";

export default scenario({
  id: "options.handshake-interval-spares-completed-bound",
  clause: "api.setsockopt.handshake-ivl",
  level: "MUST",
  title: "A bound PULL with handshakeInterval 100 keeps a connection whose handshake completed: 300 ms later it is open and a message over it arrives",
  async run(ctx) {
    const { socket: puller, path } = await bound(ctx, "PULL", "pull.sock", { handshakeInterval: ctx.limit(SHORT_HANDSHAKE_INTERVAL_MS) });
    const peer = await RawPeer.connect(ctx, path, "raw PUSH peer");
    await peer.handshake("PUSH");
    await elapse(ctx, 3 * SHORT_HANDSHAKE_INTERVAL_MS);
    ctx.check("the connection, three handshake intervals after its handshake completed", peer.closed ? "closed by the implementation" : "open", "open");
    await peer.send(message(["after-the-interval"]));
    await ctx.expectMessage(puller, "a message sent over it then arrives", ["after-the-interval"]);
  },
});
