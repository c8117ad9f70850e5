import { scenario } from "../../harness/model/scenario";
import { connectPair } from "./helpers";

export default scenario({
  id: "interop.req-rep",
  clause: "zmtp.message.atomic",
  level: "MUST",
  title: "A REQ connected to a REP gets two request/reply round trips through, multipart with an empty frame included",
  roles: "pair",
  requires: ["reqrep"],
  async run(ctx) {
    const { bound: rep, connected: req } = await connectPair(ctx, "REP", "REQ");
    await req.send(["ask", "", "more"]);
    await ctx.expectMessage(rep, "REP receives the request without the envelope", ["ask", "", "more"]);
    await rep.send(["answer", ""]);
    await ctx.expectMessage(req, "REQ receives the reply without the envelope", ["answer", ""]);
    await req.send(["again"]);
    await ctx.expectMessage(rep, "REP receives the second request", ["again"]);
    await rep.send(["again-answer"]);
    await ctx.expectMessage(req, "REQ receives the second reply", ["again-answer"]);
  },
});
