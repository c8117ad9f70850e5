import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { greeting, hex } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.greeting-mechanism-null-padded",
  clause: "zmtp.mechanism.null-padded",
  alsoChecks: ["zmtp.greeting.mechanism"],
  level: "MUST",
  title: 'The greeting\'s 20-octet mechanism field is "NULL" followed by 16 NUL octets',
  async run(ctx) {
    const { path } = await bound(ctx, "PULL", "mechanism.sock");
    const peer = await RawPeer.connect(ctx, path);
    await peer.send(greeting());
    const theirs = await peer.readGreeting();
    // Written out literally, not built with any codec: N U L L, then 16 zeros.
    const expected = Buffer.from([0x4e, 0x55, 0x4c, 0x4c, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    ctx.check("greeting octets 12-31 (mechanism)", hex(theirs.subarray(12, 32)), hex(expected));
  },
});
