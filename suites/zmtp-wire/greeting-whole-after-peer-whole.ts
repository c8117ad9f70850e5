import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { GREETING_SIZE, greeting } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.greeting-whole-after-peer-whole",
  clause: "zmtp.greeting.full-after-full",
  alsoChecks: ["zmtp.greeting.full"],
  level: "MUST",
  title: "Once it has read the peer's whole 64-octet greeting, the implementation sends its whole greeting too, then READY",
  async run(ctx) {
    const { path } = await bound(ctx, "PULL", "whole.sock");
    const peer = await RawPeer.connect(ctx, path);
    await peer.send(greeting());
    await peer.expectBytes(GREETING_SIZE, "all 64 octets of the implementation's greeting arrive after the peer sent its whole greeting");
    peer.take(GREETING_SIZE);
    const { name } = await peer.readCommand("a command follows the 64-octet greeting");
    ctx.check("the command after the greeting (the greeting was exactly 64 octets)", name, "READY");
  },
});
