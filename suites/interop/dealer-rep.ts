import { scenario } from "../../harness/model/scenario";
import { connectPair } from "./helpers";

export default scenario({
  id: "interop.dealer-rep",
  clause: "zmtp.message.atomic",
  level: "MUST",
  title: "A DEALER sending [delimiter, request] to a REP gets the reply back behind the delimiter",
  roles: "pair",
  requires: ["reqrep"],
  async run(ctx) {
    const { bound: rep, connected: dealer } = await connectPair(ctx, "REP", "DEALER");
    await dealer.send(["", "ask", ""]);
    await ctx.expectMessage(rep, "REP receives the request without the delimiter", ["ask", ""]);
    await rep.send(["answer"]);
    await ctx.expectMessage(dealer, "DEALER receives [delimiter, reply]", ["", "answer"]);
  },
});
