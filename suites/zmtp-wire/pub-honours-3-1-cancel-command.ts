import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound, syncSubscriptions } from "../raw-zmtp/raw-peer";
import { command } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.pub-honours-3-1-cancel-command",
  clause: "zmtp.pubsub.cancel-command",
  level: "MUST",
  title: "A ZMTP 3.1 subscriber's CANCEL command cancels that subscription at the PUB, leaving the others",
  requires: ["pubsub"],
  async run(ctx) {
    const { socket: pub, path } = await bound(ctx, "PUB", "cancel-3-1.sock");
    const peer = await RawPeer.connect(ctx, path, "raw ZMTP 3.1 SUB peer");
    await peer.handshake("SUB");
    await peer.send(Buffer.concat([command("SUBSCRIBE", "apples"), command("SUBSCRIBE", "pears"), command("CANCEL", "apples"), command("SUBSCRIBE", "sync")]));
    await syncSubscriptions(ctx, pub, peer, "sync");
    await pub.send(["apples-1"]);
    await pub.send(["pears-1"]);
    const { frames } = await peer.readMessage("the next message after the cancel");
    ctx.check("the next message (apples was cancelled, pears was not)", frames.map(String).join("+"), "pears-1");
  },
});
