import { scenario } from "../../harness/model/scenario";
import { connectPair } from "./helpers";

export default scenario({
  id: "interop.pair-pair",
  clause: "zmtp.message.atomic",
  level: "MUST",
  title: "Two PAIR sockets exchange multipart messages in both directions",
  roles: "pair",
  async run(ctx) {
    const { bound, connected } = await connectPair(ctx, "PAIR", "PAIR");
    await connected.send(["to-binder", ""]);
    await ctx.expectMessage(bound, "the binding PAIR receives the connecter's message whole", ["to-binder", ""]);
    await bound.send(["", "to-connecter"]);
    await ctx.expectMessage(connected, "the connecting PAIR receives the binder's message whole", ["", "to-connecter"]);
  },
});
