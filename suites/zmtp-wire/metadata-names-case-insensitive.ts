import { showFrames } from "../../harness/runner/context";
import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { command, greeting, message, properties } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.metadata-names-case-insensitive",
  clause: "zmtp.metadata.case-insensitive",
  level: "MUST",
  title: 'A ROUTER takes the routing id from a peer\'s READY property spelled "identity" (lower case)',
  requires: ["reqrep"],
  async run(ctx) {
    const { socket: router, path } = await bound(ctx, "ROUTER", "router.sock");
    const peer = await RawPeer.connect(ctx, path, "raw DEALER peer with lower-case property names");
    const readyLower = command(
      "READY",
      properties([
        ["socket-type", "DEALER"],
        ["identity", "lower-case-id"],
      ]),
    );
    await peer.send(Buffer.concat([greeting(), readyLower]));
    await peer.readGreeting();
    await peer.readCommand("the ROUTER's READY");
    await peer.send(message(["hello"]));
    const received = await ctx.receive(router, "the DEALER's message at the ROUTER");
    ctx.check("the message at the ROUTER, routing id first", showFrames(received), showFrames([Buffer.from("lower-case-id"), Buffer.from("hello")]));
  },
});
