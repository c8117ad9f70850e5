import { scenario } from "../../harness/model/scenario";
import { connectPair, expectFrames, patterned } from "./helpers";

export default scenario({
  id: "interop.one-mebibyte-message",
  clause: "zmtp.frame.long-body",
  level: "MUST",
  title: "A 1 MiB single-frame message arrives intact",
  roles: "pair",
  async run(ctx) {
    const { bound: pull, connected: push } = await connectPair(ctx, "PULL", "PUSH");
    const body = patterned(1024 * 1024, 3);
    await push.send([body]);
    await push.send(["after"]);
    await expectFrames(ctx, pull, "the 1 MiB message, byte for byte", [body]);
    await ctx.expectMessage(pull, "the message sent after it", ["after"]);
  },
});
