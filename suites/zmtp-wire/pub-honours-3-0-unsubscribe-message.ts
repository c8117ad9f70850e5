import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound, syncSubscriptions } from "../raw-zmtp/raw-peer";
import { frame } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.pub-honours-3-0-unsubscribe-message",
  clause: "zmtp.pubsub.unsubscribe-message",
  level: "MUST",
  title: "A ZMTP 3.0 subscriber's 0x00+topic message cancels that subscription at the PUB, leaving the others",
  requires: ["pubsub"],
  async run(ctx) {
    const { socket: pub, path } = await bound(ctx, "PUB", "unsub-3-0.sock");
    const peer = await RawPeer.connect(ctx, path, "raw ZMTP 3.0 SUB peer");
    await peer.handshake("SUB", { minor: 0 });
    const sub = (flag: number, topic: string) => frame(0, Buffer.concat([Buffer.from([flag]), Buffer.from(topic)]));
    await peer.send(Buffer.concat([sub(1, "apples"), sub(1, "pears"), sub(0, "apples"), sub(1, "sync")]));
    await syncSubscriptions(ctx, pub, peer, "sync");
    await pub.send(["apples-1"]);
    await pub.send(["pears-1"]);
    const { frames } = await peer.readMessage("the next message after the cancel");
    ctx.check("the next message (apples was cancelled, pears was not)", frames.map(String).join("+"), "pears-1");
  },
});
