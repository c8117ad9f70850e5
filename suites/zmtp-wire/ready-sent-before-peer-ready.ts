import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { greeting } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.ready-sent-before-peer-ready",
  clause: "zmtp.null.ready-before-receive",
  level: "MUST",
  title: "The implementation sends its READY after the greeting without waiting for the peer's READY",
  async run(ctx) {
    const { path } = await bound(ctx, "PULL", "ready-first.sock");
    const peer = await RawPeer.connect(ctx, path);
    // Only our greeting: an implementation that waited for our READY before sending its own
    // would deadlock with a peer doing the same.
    await peer.send(greeting());
    await peer.readGreeting();
    const { name } = await peer.readCommand("a command arrives although the peer has sent no READY");
    ctx.check("the command", name, "READY");
  },
});
