import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound, expectFilteredDelivery } from "../raw-zmtp/raw-peer";
import { command } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.pub-honours-3-1-subscribe-command",
  clause: "zmtp.pubsub.subscribe-command",
  alsoChecks: ["zmtp.pubsub.prefix-match", "zmtp.pubsub.filter-at-publisher"],
  level: "MUST",
  title: "A ZMTP 3.1 subscriber subscribing with a SUBSCRIBE command gets the PUB's matching messages only",
  requires: ["pubsub"],
  async run(ctx) {
    const { socket: pub, path } = await bound(ctx, "PUB", "pub-3-1.sock");
    const peer = await RawPeer.connect(ctx, path, "raw ZMTP 3.1 SUB peer");
    await peer.handshake("SUB", { minor: 1 });
    // subscribe = command-size %d9 "SUBSCRIBE" subscription (RFC 37)
    await peer.send(command("SUBSCRIBE", "weather"));
    await expectFilteredDelivery(ctx, pub, peer, "weather");
  },
});
