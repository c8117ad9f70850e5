import { scenario } from "../../harness/model/scenario";
import { connectPair } from "./helpers";

export default scenario({
  id: "interop.multipart-empty-frames",
  clause: "zmtp.frame.size-excludes-header",
  level: "MUST",
  title: "Empty frames (size 0) survive at the start, middle and end of a message, and as a message of their own",
  roles: "pair",
  async run(ctx) {
    const { bound: pull, connected: push } = await connectPair(ctx, "PULL", "PUSH");
    await push.send(["", "a", "", "", "z", ""]);
    await push.send([""]);
    await push.send(["", ""]);
    await push.send(["end"]);
    await ctx.expectMessage(pull, "a message with empty frames first, inside and last", ["", "a", "", "", "z", ""]);
    await ctx.expectMessage(pull, "a message of one empty frame", [""]);
    await ctx.expectMessage(pull, "a message of two empty frames", ["", ""]);
    await ctx.expectMessage(pull, "the message after them", ["end"]);
  },
});
