import { scenario } from "../../harness/model/scenario";
import { RawListener } from "../raw-zmtp/raw-listener";
import { SHORT_HANDSHAKE_INTERVAL_MS } from "./handshake";
import { elapse } from "./support";

export default scenario({
  id: "options.handshake-interval-spares-completed-connecter",
  clause: "api.setsockopt.handshake-ivl",
  level: "MUST",
  needs: ["harness-machine"],
  title:
    "A connecting PUSH with handshakeInterval 100 keeps a connection whose handshake completed: 300 ms later its next message goes over that same connection",
  async run(ctx) {
    const listener = await RawListener.listen(ctx, ctx.path("pull.sock"), "raw PULL listener");
    const pusher = await ctx.socket(ctx.impl, "PUSH", { handshakeInterval: ctx.limit(SHORT_HANDSHAKE_INTERVAL_MS) });
    await pusher.connect(ctx.endpoint("pull.sock"));
    const peer = await listener.expectConnection("the PUSH connects");
    await peer.handshake("PULL");
    await elapse(ctx, 3 * SHORT_HANDSHAKE_INTERVAL_MS);
    ctx.check("the connection, three handshake intervals after its handshake completed", peer.closed ? "closed by the implementation" : "open", "open");
    await pusher.send(["after-the-interval"]);
    const { frames } = await peer.readMessage("the message sent then, over the same connection");
    ctx.check("the message over the first connection", frames.map(String).join("+"), "after-the-interval");
    ctx.check("connections the PUSH made", listener.accepted, 1);
  },
});
