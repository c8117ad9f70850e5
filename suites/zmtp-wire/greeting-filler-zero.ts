import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { greeting, hex } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.greeting-filler-zero",
  clause: "zmtp.greeting.filler",
  level: "MUST",
  title: "The greeting ends with 31 zero octets of filler (octets 33-63)",
  async run(ctx) {
    const { path } = await bound(ctx, "PULL", "filler.sock");
    const peer = await RawPeer.connect(ctx, path);
    await peer.send(greeting());
    const theirs = await peer.readGreeting();
    ctx.check("greeting octets 33-63 (filler)", hex(theirs.subarray(33, 64)), hex(Buffer.alloc(31)));
  },
});
