import { showFrames } from "../../harness/runner/context";
import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound, watchBadPeer } from "../raw-zmtp/raw-peer";
import { COMMAND, MORE, command, message } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.command-with-more-flag",
  clause: "zmtp.frame.flags.more-not-on-commands",
  level: "INFO",
  title: "Records what the implementation does with a command frame (PING) that has MORE set, which a sender SHALL NOT do",
  async run(ctx) {
    const { socket: pull, path } = await bound(ctx, "PULL", "command-more.sock");
    const bad = await RawPeer.connect(ctx, path, "raw PUSH peer sending a PING with MORE");
    await bad.handshake("PUSH");
    // flags 0x05: COMMAND | MORE. The clause binds the sender; what a receiver does is open.
    await bad.send(Buffer.concat([command("PING", Buffer.from([0, 0, 0x63, 0x74, 0x78]), COMMAND | MORE), message(["after-the-bad-command"])]));
    const reaction = await watchBadPeer(ctx, pull, bad, path);
    ctx.observe("connection closed", reaction.closed);
    ctx.observe("PONG sent", bad.bytes.includes(Buffer.from("\x04PONG", "latin1")));
    ctx.observe("messages delivered after the bad command", reaction.delivered.map(showFrames));
    ctx.observe("a well-behaved peer is served afterwards", reaction.stillServes);
    ctx.check("a well-behaved peer is served afterwards", reaction.stillServes, true);
  },
});
