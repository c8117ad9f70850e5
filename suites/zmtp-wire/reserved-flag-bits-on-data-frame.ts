import { showFrames } from "../../harness/runner/context";
import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound, watchBadPeer } from "../raw-zmtp/raw-peer";
import { frame, message } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.reserved-flag-bits-on-data-frame",
  clause: "zmtp.frame.flags.reserved",
  level: "INFO",
  title: "Records whether a data frame with reserved flag bits set (0x80) is accepted, dropped, or gets the connection closed",
  async run(ctx) {
    const { socket: pull, path } = await bound(ctx, "PULL", "reserved.sock");
    const bad = await RawPeer.connect(ctx, path, "raw PUSH peer setting reserved bits");
    await bad.handshake("PUSH");
    await bad.send(Buffer.concat([frame(0x80, "reserved-bit-set"), message(["after-it"])]));
    const reaction = await watchBadPeer(ctx, pull, bad, path);
    const delivered = reaction.delivered.map(showFrames);
    ctx.observe("connection closed", reaction.closed);
    ctx.observe("messages delivered", delivered);
    ctx.observe(
      "treatment",
      delivered.includes(showFrames([Buffer.from("reserved-bit-set")])) ? "accepted (bits ignored)" : reaction.closed ? "connection closed" : "frame dropped",
    );
    ctx.check("a well-behaved peer is served afterwards", reaction.stillServes, true);
  },
});
