import { showFrames } from "../../harness/runner/context";
import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { frame, message, ping } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.command-bit-separates-commands",
  clause: "zmtp.frame.flags.command",
  alsoChecks: ["zmtp.traffic.grammar"],
  level: "MUST",
  title: "Commands between messages are handled as commands, and a data frame whose body looks like a command is delivered as data",
  async run(ctx) {
    const { socket: pull, path } = await bound(ctx, "PULL", "interleaved.sock");
    const peer = await RawPeer.connect(ctx, path, "raw PUSH peer");
    await peer.handshake("PUSH");
    const lookalike = Buffer.from("\x04PING\x00\x00fake", "latin1");
    await peer.send(Buffer.concat([message(["one"]), ping(0, "real"), frame(0, lookalike), message(["two"]), ping(0, "fence")]));
    await ctx.expectMessage(pull, "the first message", ["one"]);
    const second = await ctx.receive(pull, "the data frame that looks like a PING");
    ctx.check("the command look-alike data frame, delivered as data", showFrames(second), showFrames([lookalike]));
    await ctx.expectMessage(pull, "the message after it", ["two"]);
    const pongs: string[] = [];
    for (;;) {
      const { name, data } = await peer.readCommand("PONGs for the two real PINGs");
      if (name !== "PONG") continue;
      pongs.push(data.toString("latin1"));
      if (data.toString("latin1") === "fence") break;
    }
    // Exactly one PONG before the fence's: the look-alike data frame was not taken for a PING.
    ctx.check("contexts of the PONGs up to the fence", pongs.join(", "), "real, fence");
  },
});
