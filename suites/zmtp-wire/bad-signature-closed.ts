import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound, expectStillServes } from "../raw-zmtp/raw-peer";

export default scenario({
  id: "zmtp-wire.bad-signature-closed",
  clause: "zmtp.version.cannot-downgrade-close",
  level: "MUST",
  title: "A peer whose first octet is 0x00 followed by garbage is disconnected; the socket keeps serving others",
  async run(ctx) {
    const { socket: pull, path } = await bound(ctx, "PULL", "garbage.sock");
    const bad = await RawPeer.connect(ctx, path, "raw garbage peer");
    // Not 0xFF: RFC 23 reads this as ZMTP 1.0, whose frame length 0 is invalid too, so no
    // implementation can make sense of it and it must hang up.
    const garbage = Buffer.concat([Buffer.from([0x00]), Buffer.from("GET / HTTP/1.1\r\nHost: zmtp\r\n\r\n"), Buffer.alloc(64, 0xa5)]);
    await bad.send(garbage);
    await bad.expectClose("the implementation closes the connection");
    ctx.observe("octets received before the close", bad.bytes.length);
    await expectStillServes(ctx, pull, path);
  },
});
