import { scenario } from "../../harness/model/scenario";
import { connectPair } from "./helpers";

export default scenario({
  id: "interop.req-router",
  clause: "zmtp.message.atomic",
  level: "MUST",
  title: "A ROUTER receives a REQ's request as routing id, empty delimiter, body, and routes the reply back",
  roles: "pair",
  requires: ["reqrep"],
  async run(ctx) {
    const { bound: router, connected: req } = await connectPair(ctx, "ROUTER", "REQ", { connecter: { routingId: "req-peer" } });
    await req.send(["ask", ""]);
    await ctx.expectMessage(router, "ROUTER receives [routing id, delimiter, request]", ["req-peer", "", "ask", ""]);
    await router.send(["req-peer", "", "answer"]);
    await ctx.expectMessage(req, "REQ receives the reply routed back by id, delimiter stripped", ["answer"]);
  },
});
