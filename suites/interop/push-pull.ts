import { scenario } from "../../harness/model/scenario";
import { connectPair } from "./helpers";

export default scenario({
  id: "interop.push-pull",
  clause: "zmtp.message.atomic",
  level: "MUST",
  title: "A PULL receives a PUSH's messages whole and in order",
  roles: "pair",
  async run(ctx) {
    const { bound: pull, connected: push } = await connectPair(ctx, "PULL", "PUSH");
    await push.send(["one"]);
    await push.send(["two", "", "parts"]);
    await push.send(["three"]);
    await ctx.expectMessage(pull, "first message", ["one"]);
    await ctx.expectMessage(pull, "second message, multipart with an empty frame", ["two", "", "parts"]);
    await ctx.expectMessage(pull, "third message", ["three"]);
  },
});
