import { scenario } from "../../harness/model/scenario";
import { SILENCE_LIMIT_MS } from "../../harness/runner/limits";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { GREETING_SIZE, hex } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.greeting-padding-zero-when-sent-whole",
  clause: "zmtp.greeting.padding-zero",
  level: "SHOULD",
  title: "An implementation that sends its whole greeting at once sets the 8 padding octets to zero",
  async run(ctx) {
    const { path } = await bound(ctx, "PULL", "padding.sock");
    const peer = await RawPeer.connect(ctx, path);
    // RFC 23 has two cases: a partial greeting for version detection (the padding MAY then carry
    // detection data, libzmq puts its identity length + 1 there) or the whole greeting at once,
    // where the padding SHOULD be zeros. Which case this is shows in whether all 64 octets come
    // before we say anything.
    const whole = (await peer.settle((unread) => unread.length >= GREETING_SIZE, SILENCE_LIMIT_MS)) === "met";
    const padding = peer.bytes.subarray(1, 9);
    ctx.observe(
      "case",
      whole ? "whole greeting sent at once" : `partial greeting (${peer.bytes.length} octets before the peer spoke): padding may carry detection data`,
    );
    ctx.observe("padding", hex(padding));
    if (whole) ctx.check("padding octets 1-8 of a greeting sent whole", hex(padding), hex(Buffer.alloc(8)));
  },
});
