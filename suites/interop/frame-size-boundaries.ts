import { scenario } from "../../harness/model/scenario";
import { connectPair, expectFrames, patterned } from "./helpers";

export default scenario({
  id: "interop.frame-size-boundaries",
  clause: "zmtp.frame.flags.long-size",
  level: "MUST",
  title: "Frames of 255 bytes (last short size) and 256 bytes (first long size) and around them arrive intact",
  roles: "pair",
  async run(ctx) {
    const { bound: pull, connected: push } = await connectPair(ctx, "PULL", "PUSH");
    const short = patterned(255, 1);
    const long = patterned(256, 2);
    const mixed = [0, 1, 254, 255, 256, 257, 65_535, 65_536].map((size, i) => patterned(size, 10 + i));
    await push.send([short]);
    await push.send([long]);
    await push.send(mixed);
    await expectFrames(ctx, pull, "a one-frame message of 255 bytes (short size field)", [short]);
    await expectFrames(ctx, pull, "a one-frame message of 256 bytes (long size field)", [long]);
    await expectFrames(ctx, pull, "a multipart message of 0, 1, 254, 255, 256, 257, 65535 and 65536-byte frames", mixed);
  },
});
