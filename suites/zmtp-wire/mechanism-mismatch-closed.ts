import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound, expectStillServes } from "../raw-zmtp/raw-peer";
import { greeting } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.mechanism-mismatch-closed",
  clause: "zmtp.mechanism.mismatch-close",
  level: "MUST",
  title: 'A peer greeting with mechanism "PLAIN" is disconnected by a NULL socket, which keeps serving others',
  async run(ctx) {
    const { socket: pull, path } = await bound(ctx, "PULL", "plain.sock");
    const bad = await RawPeer.connect(ctx, path, "raw PLAIN peer");
    await bad.send(greeting({ mechanism: "PLAIN" }));
    await bad.expectClose("the implementation closes the connection after the PLAIN greeting");
    ctx.observe("octets received before the close", bad.bytes.length);
    await expectStillServes(ctx, pull, path);
  },
});
