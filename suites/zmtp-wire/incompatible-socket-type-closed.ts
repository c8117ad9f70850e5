import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound, expectStillServes } from "../raw-zmtp/raw-peer";
import { COMMAND, greeting, parseFrame, ready, splitCommand } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.incompatible-socket-type-closed",
  clause: "zmtp.socket-type.enforce",
  alsoChecks: ["compat.libzmq.invalid-socket-type-closes"],
  level: "SHOULD",
  title: "A peer whose READY announces a socket type the PULL may not talk to (PUB) is disconnected; the socket keeps serving others",
  async run(ctx) {
    const { socket: pull, path } = await bound(ctx, "PULL", "incompatible.sock");
    const bad = await RawPeer.connect(ctx, path, "raw PUB peer");
    // Greeting and READY only: a message sent before the other side's READY would itself be a
    // reason to hang up (RFC 37 lets messages flow only once both READYs have crossed).
    await bad.send(Buffer.concat([greeting(), ready("PUB")]));
    await bad.expectClose("the implementation closes the connection to a PUB peer");
    // RFC 23 asks for an ERROR command before disconnecting (SHOULD); libzmq just closes. Recorded.
    const commands: string[] = [];
    for (let at = 64; ;) {
      const frame = parseFrame(bad.bytes, at);
      if (frame === null) break;
      if (frame.flags & COMMAND) commands.push(splitCommand(frame.body)?.name ?? "(malformed)");
      at = frame.end;
    }
    ctx.observe("commands before the close", commands.join(", ") || "(none)");
    await expectStillServes(ctx, pull, path);
  },
});
