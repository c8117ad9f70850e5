import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound, expectFilteredDelivery } from "../raw-zmtp/raw-peer";
import { frame } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.pub-honours-3-0-subscribe-message",
  clause: "zmtp.pubsub.subscribe-message",
  alsoChecks: ["zmtp.pubsub.filter-at-publisher"],
  level: "MUST",
  title: "A ZMTP 3.0 subscriber (greeting minor 0) subscribing with a 0x01+topic message gets the PUB's matching messages only",
  requires: ["pubsub"],
  async run(ctx) {
    const { socket: pub, path } = await bound(ctx, "PUB", "pub-3-0.sock");
    const peer = await RawPeer.connect(ctx, path, "raw ZMTP 3.0 SUB peer");
    await peer.handshake("SUB", { minor: 0 });
    // subscribe = %x00 short-size %d1 subscription (RFC 23)
    await peer.send(frame(0, Buffer.concat([Buffer.from([0x01]), Buffer.from("weather")])));
    await expectFilteredDelivery(ctx, pub, peer, "weather");
  },
});
