import { showFrames } from "../../harness/runner/context";
import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound, syncSubscriptions } from "../raw-zmtp/raw-peer";
import { command } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.pub-empty-subscription-matches-all",
  clause: "zmtp.pubsub.empty-matches-all",
  level: "MUST",
  title: "An empty subscription receives every message, including an empty one and a binary one",
  requires: ["pubsub"],
  async run(ctx) {
    const { socket: pub, path } = await bound(ctx, "PUB", "all.sock");
    const peer = await RawPeer.connect(ctx, path, "raw SUB peer subscribed to everything");
    await peer.handshake("SUB");
    await peer.send(command("SUBSCRIBE", ""));
    await syncSubscriptions(ctx, pub, peer, "anything");
    const sent = [[Buffer.alloc(0)], [Buffer.from([0xff, 0x00, 0x7f])], [Buffer.from("zebra"), Buffer.from("second frame")]];
    for (const frames of sent) await pub.send(frames);
    for (const frames of sent) {
      const received = await peer.readMessage(`the message ${showFrames(frames)} arrives`);
      ctx.check("a message under the empty subscription", showFrames(received.frames), showFrames(frames));
    }
  },
});
