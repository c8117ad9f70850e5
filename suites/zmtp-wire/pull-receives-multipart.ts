import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { message } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.pull-receives-multipart",
  clause: "zmtp.frame.flags.more",
  level: "MUST",
  title: "Frames with MORE set and a last frame without it are delivered as one message, also when written in pieces",
  async run(ctx) {
    const { socket: pull, path } = await bound(ctx, "PULL", "multipart.sock");
    const peer = await RawPeer.connect(ctx, path, "raw PUSH peer");
    await peer.handshake("PUSH");
    await peer.send(message(["one", "two", "three"]));
    await ctx.expectMessage(pull, "a three-frame message written at once", ["one", "two", "three"]);
    // The same message cut inside a frame header and inside a body, written in three pieces:
    // the implementation must reassemble frames and messages across reads.
    const bytes = message(["alpha", "beta", "gamma"]);
    for (const [from, to] of [
      [0, 8],
      [8, 11],
      [11, bytes.length],
    ]) {
      await peer.send(bytes.subarray(from, to));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await ctx.expectMessage(pull, "a three-frame message written in three pieces", ["alpha", "beta", "gamma"]);
  },
});
