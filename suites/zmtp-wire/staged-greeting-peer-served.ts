import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { GREETING_SIZE, greeting, message, ready } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.staged-greeting-peer-served",
  clause: "compat.libzmq.greeting-in-stages",
  level: "COMPAT",
  title: "A peer that sends its greeting in libzmq's stages, each only after the implementation's matching part, completes the handshake",
  async run(ctx) {
    const { socket: pull, path } = await bound(ctx, "PULL", "staged.sock");
    const peer = await RawPeer.connect(ctx, path, "staged raw peer");
    const ours = greeting();
    // libzmq's order: signature at once; the major version once the other's signature is in;
    // the rest once the other's major version is in. An implementation that holds back its own
    // greeting until it has the peer's whole 64 octets deadlocks with this peer.
    await peer.send(ours.subarray(0, 10));
    await peer.expectBytes(10, "the implementation's signature arrives while the peer has sent only its own");
    await peer.send(ours.subarray(10, 11));
    await peer.expectBytes(11, "the implementation's major version arrives while the peer has sent 11 octets");
    await peer.send(ours.subarray(11));
    await peer.expectBytes(GREETING_SIZE, "the rest of the implementation's greeting arrives after the peer's whole greeting");
    peer.take(GREETING_SIZE);
    await peer.send(ready("PUSH"));
    const { name } = await peer.readCommand("a command follows the greeting");
    ctx.check("command after the greeting", name, "READY");
    await peer.send(message(["staged-hello"]));
    await ctx.expectMessage(pull, "the staged peer's message reaches the application", ["staged-hello"]);
  },
});
