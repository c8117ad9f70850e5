import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { greeting, message, ready } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.identity-ignored-by-pull",
  clause: "zmtp.identity.ignored",
  level: "MUST",
  title: "A PULL socket ignores the Identity property of a PUSH peer: the handshake completes and messages arrive without it",
  async run(ctx) {
    const { socket: pull, path } = await bound(ctx, "PULL", "identity-ignored.sock");
    const peer = await RawPeer.connect(ctx, path, "raw PUSH peer with an Identity");
    await peer.send(Buffer.concat([greeting(), ready("PUSH", "push-identity")]));
    await peer.readGreeting();
    const { name } = await peer.readCommand("a command answers the peer's READY");
    ctx.check("the command", name, "READY");
    await peer.send(message(["payload"]));
    await ctx.expectMessage(pull, "the message at the PULL, with no identity frame", ["payload"]);
  },
});
