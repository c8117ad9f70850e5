import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";

export default scenario({
  id: "zmtp-wire.pull-receives-message",
  clause: "zmtp.frame.layout",
  alsoChecks: ["zmtp.null.ready-both", "zmtp.null.server-ready-reply", "zmtp.null.binder-is-server"],
  level: "MUST",
  title: "A one-frame message written as flags, size, body by a raw peer reaches the application of a PULL socket",
  async run(ctx) {
    const { socket: pull, path } = await bound(ctx, "PULL", "pull.sock");
    const peer = await RawPeer.connect(ctx, path, "raw PUSH peer");
    await peer.handshake("PUSH");
    // flags 0x00 (last frame, short), size 5, "hello": written out literally.
    await peer.send(Buffer.from([0x00, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f]));
    await ctx.expectMessage(pull, "the message at the PULL socket", ["hello"]);
  },
});
