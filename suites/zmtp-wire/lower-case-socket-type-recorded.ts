import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound, watchBadPeer } from "../raw-zmtp/raw-peer";
import { command, greeting, message, parseFrame, properties } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.lower-case-socket-type-recorded",
  clause: "compat.libzmq.property-names-exact-case",
  level: "INFO",
  title: 'Records whether a READY property "socket-type" (lower case) naming an incompatible type is checked like Socket-Type',
  async run(ctx) {
    const { socket: pull, path } = await bound(ctx, "PULL", "lower-type.sock");
    const peer = await RawPeer.connect(ctx, path, "raw peer announcing socket-type PUB");
    // A case-insensitive reader sees an incompatible PUB and hangs up; libzmq, comparing names
    // exactly, sees no Socket-Type at all and accepts the peer.
    await peer.send(Buffer.concat([greeting(), command("READY", properties([["socket-type", "PUB"]]))]));
    // The message only once the implementation's READY is in (RFC 37), unless it hung up first.
    const answered = await peer.settle((unread) => unread.length > 64 && parseFrame(unread, 64) !== null);
    ctx.observe("READY sent before any close", answered === "met");
    if (answered === "met") await peer.send(message(["lower-case-pub"]));
    const reaction = await watchBadPeer(ctx, pull, peer, path);
    ctx.observe("connection closed", reaction.closed);
    ctx.observe(
      "treatment",
      reaction.delivered.length > 0
        ? "accepted: the lower-case name was not checked"
        : reaction.closed
          ? "closed: the lower-case name was checked"
          : "neither closed nor delivered",
    );
    ctx.check("a well-behaved peer is served afterwards", reaction.stillServes, true);
  },
});
