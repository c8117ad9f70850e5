import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { hex } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.greeting-signature",
  clause: "zmtp.greeting.signature",
  level: "MUST",
  title: "The implementation opens with the 10-octet signature 0xFF, 8 padding octets, 0x7F, without waiting for the peer",
  async run(ctx) {
    const { path } = await bound(ctx, "PULL", "signature.sock");
    const peer = await RawPeer.connect(ctx, path);
    // We send nothing: both ways of opening in RFC 23 (partial greeting for version detection,
    // or the whole greeting) start by sending at least the signature unprompted.
    await peer.expectBytes(10, "the first 10 octets arrive before the raw peer sends anything");
    const signature = peer.take(10);
    ctx.observe("signature", hex(signature));
    // Octets 1-8 are padding: RFC 23 forbids validating them, so only 0 and 9 are checked.
    ctx.check("octet 0 of the greeting", `0x${signature[0].toString(16)}`, "0xff");
    ctx.check("octet 9 of the greeting", `0x${signature[9].toString(16)}`, "0x7f");
  },
});
