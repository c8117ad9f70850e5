import { showFrames } from "../../harness/runner/context";
import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound, watchBadPeer } from "../raw-zmtp/raw-peer";
import { hex, zmtp2Greeting } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.zmtp-2-0-peer-downgraded-or-closed",
  clause: "zmtp.version.cannot-downgrade-close",
  level: "MUST",
  title: "A ZMTP 2.0 peer is either served in ZMTP 2.0 (its message arrives intact) or disconnected with nothing delivered",
  async run(ctx) {
    const { socket: pull, path } = await bound(ctx, "PULL", "zmtp2.sock");
    const old = await RawPeer.connect(ctx, path, "raw ZMTP 2.0 PUSH peer");
    // RFC 15: signature, revision 0x01, socket type PUSH (0x08), empty identity frame; then a
    // message in 2.0 framing (flags 0x00, size 10, body). RFC 23: version 1 or 2 is ZMTP 2.0,
    // which a peer MAY downgrade to; if it cannot, it MUST close.
    await old.send(Buffer.concat([zmtp2Greeting("PUSH"), Buffer.from([0x00, 0x0a]), Buffer.from("v2-message")]));
    const reaction = await watchBadPeer(ctx, pull, old, path);
    const delivered = reaction.delivered.map(showFrames);
    ctx.observe("octets the implementation sent the ZMTP 2.0 peer", hex(old.bytes.subarray(0, 80)));
    ctx.observe("connection closed", reaction.closed);
    ctx.observe("messages delivered from the ZMTP 2.0 peer", delivered);
    const outcome =
      delivered.length === 0 && reaction.closed
        ? "closed, nothing delivered"
        : delivered.length === 1 && delivered[0] === showFrames([Buffer.from("v2-message")])
          ? "downgraded: the message arrived intact"
          : `${reaction.closed ? "closed" : "open"}, delivered ${delivered.length === 0 ? "nothing" : delivered.join(" ")}`;
    ctx.observe("outcome", outcome);
    ctx.check(
      "how the ZMTP 2.0 peer was treated",
      outcome,
      (o) => o === "closed, nothing delivered" || o === "downgraded: the message arrived intact",
      "closed with nothing delivered, or downgraded with the message intact",
    );
    ctx.check("a well-behaved peer is served afterwards", reaction.stillServes, true);
  },
});
