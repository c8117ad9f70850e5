import { showFrames } from "../../harness/runner/context";
import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { frame } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.pull-receives-short-and-long-frames",
  clause: "zmtp.frame.flags.long-size",
  level: "MUST",
  title: "Frames of 255 octets (1-octet size), 256 octets (8-octet size) and a short body in the long form all arrive intact",
  async run(ctx) {
    const { socket: pull, path } = await bound(ctx, "PULL", "sizes.sock");
    const peer = await RawPeer.connect(ctx, path, "raw PUSH peer");
    await peer.handshake("PUSH");
    const cases: Array<[string, Buffer, boolean]> = [
      ["a 255-octet body with a 1-octet size", Buffer.alloc(255, 0x61), false],
      ["a 256-octet body with an 8-octet size", Buffer.alloc(256, 0x62), true],
      // The grammar allows the long form for any size (long-size: body is 0 to 2^63-1 octets).
      ["a 5-octet body with an 8-octet size", Buffer.from("short"), true],
      ["a 70000-octet body with an 8-octet size", Buffer.alloc(70_000, 0x63), true],
    ];
    await peer.send(Buffer.concat(cases.map(([, body, long]) => frame(0, body, long))));
    for (const [what, body] of cases) {
      const received = await ctx.receive(pull, `${what} arrives`);
      ctx.check(`${what} arrives intact`, showFrames(received), showFrames([body]));
    }
  },
});
