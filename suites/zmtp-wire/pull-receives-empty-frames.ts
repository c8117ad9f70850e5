import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";

export default scenario({
  id: "zmtp-wire.pull-receives-empty-frames",
  clause: "zmtp.frame.size-excludes-header",
  level: "MUST",
  title: "A frame of size zero is an empty frame, alone or inside a multipart message",
  async run(ctx) {
    const { socket: pull, path } = await bound(ctx, "PULL", "empty.sock");
    const peer = await RawPeer.connect(ctx, path, "raw PUSH peer");
    await peer.handshake("PUSH");
    await peer.send(
      Buffer.from([
        0x00,
        0x00, // message 1: one empty frame
        0x01,
        0x01,
        0x61,
        0x01,
        0x00,
        0x00,
        0x01,
        0x62, // message 2: "a", "", "b"
        0x02,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0, // message 3: one empty frame with an 8-octet size
      ]),
    );
    await ctx.expectMessage(pull, "a message of one empty frame", [""]);
    await ctx.expectMessage(pull, "a three-frame message with an empty middle frame", ["a", "", "b"]);
    await ctx.expectMessage(pull, "an empty frame with a long size", [""]);
  },
});
