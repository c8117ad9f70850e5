import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { greeting, message, ready } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.peer-padding-not-validated",
  clause: "zmtp.greeting.padding-ignored",
  alsoChecks: ["compat.libzmq.greeting-padding-identity-length"],
  level: "MUST",
  title: "Peers whose greeting padding is not zero (libzmq's identity length + 1, or arbitrary octets) are served",
  async run(ctx) {
    const { socket: pull, path } = await bound(ctx, "PULL", "padding-in.sock");
    const paddings: Array<[string, number[]]> = [
      // What libzmq sends for an 8-octet routing id: 64-bit big-endian 8 + 1.
      ["libzmq's padding for an 8-octet routing id", [0, 0, 0, 0, 0, 0, 0, 9]],
      ["arbitrary padding", [0xde, 0xad, 0xbe, 0xef, 0x01, 0x02, 0x03, 0x04]],
    ];
    for (const [what, padding] of paddings) {
      const peer = await RawPeer.connect(ctx, path, `raw PUSH peer with ${what}`);
      const ours = greeting();
      Buffer.from(padding).copy(ours, 1);
      await peer.send(Buffer.concat([ours, ready("PUSH")]));
      await peer.readGreeting();
      const { name } = await peer.readCommand(`a command answers the peer with ${what}`);
      ctx.check(`command answering the peer with ${what}`, name, "READY");
      await peer.send(message([what]));
      await ctx.expectMessage(pull, `the message of the peer with ${what}`, [what]);
    }
  },
});
