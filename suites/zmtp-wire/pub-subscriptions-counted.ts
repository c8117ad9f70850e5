import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound, syncSubscriptions } from "../raw-zmtp/raw-peer";
import { command } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.pub-subscriptions-counted",
  clause: "zmtp.pubsub.additive",
  level: "MUST",
  title: "Subscribing twice to a topic takes two CANCELs to undo: after one the topic still arrives, after two it does not",
  requires: ["pubsub"],
  async run(ctx) {
    const { socket: pub, path } = await bound(ctx, "PUB", "additive.sock");
    const peer = await RawPeer.connect(ctx, path, "raw SUB peer");
    await peer.handshake("SUB");
    await peer.send(
      Buffer.concat([command("SUBSCRIBE", "apples"), command("SUBSCRIBE", "apples"), command("CANCEL", "apples"), command("SUBSCRIBE", "sync1")]),
    );
    await syncSubscriptions(ctx, pub, peer, "sync1");
    await pub.send(["apples-1"]);
    await pub.send(["sync1-after"]);
    const first = await peer.readMessage("the next message after one CANCEL of two SUBSCRIBEs");
    ctx.check("after one CANCEL of two SUBSCRIBEs, the next message", first.frames.map(String).join("+"), "apples-1");
    await peer.readMessage("the sync1 message after it");
    await peer.send(Buffer.concat([command("CANCEL", "apples"), command("SUBSCRIBE", "sync2")]));
    await syncSubscriptions(ctx, pub, peer, "sync2");
    await pub.send(["apples-2"]);
    await pub.send(["sync2-after"]);
    const second = await peer.readMessage("the next message after the second CANCEL");
    ctx.check("after the second CANCEL, the next message", second.frames.map(String).join("+"), "sync2-after");
  },
});
