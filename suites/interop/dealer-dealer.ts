import { scenario } from "../../harness/model/scenario";
import { connectPair } from "./helpers";

export default scenario({
  id: "interop.dealer-dealer",
  clause: "zmtp.message.atomic",
  level: "MUST",
  title: "Two DEALERs exchange multipart messages, empty frames included, in both directions",
  roles: "pair",
  requires: ["reqrep"],
  async run(ctx) {
    const { bound, connected } = await connectPair(ctx, "DEALER", "DEALER");
    await connected.send(["to-binder", "", "end"]);
    await ctx.expectMessage(bound, "the binding DEALER receives the connecter's message whole", ["to-binder", "", "end"]);
    await bound.send(["", "to-connecter"]);
    await ctx.expectMessage(connected, "the connecting DEALER receives the binder's message whole", ["", "to-connecter"]);
  },
});
