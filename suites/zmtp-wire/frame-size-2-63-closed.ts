import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound, expectStillServes } from "../raw-zmtp/raw-peer";

export default scenario({
  id: "zmtp-wire.frame-size-2-63-closed",
  clause: "zmtp.frame.long-body",
  level: "MUST",
  title: "A frame declaring 2^63 octets (beyond the 2^63-1 maximum) gets the connection closed; the socket keeps serving others",
  async run(ctx) {
    const { socket: pull, path } = await bound(ctx, "PULL", "huge.sock");
    const bad = await RawPeer.connect(ctx, path, "raw PUSH peer declaring 2^63 octets");
    await bad.handshake("PUSH");
    // flags 0x02 (LONG), size 0x8000000000000000, then a few body octets.
    await bad.send(Buffer.from([0x02, 0x80, 0, 0, 0, 0, 0, 0, 0, 0x61, 0x62, 0x63]));
    await bad.expectClose("the implementation closes the connection");
    await expectStillServes(ctx, pull, path);
  },
});
