import { scenario } from "../../harness/model/scenario";
import { expectRefusal, requestReply } from "./helpers";

export default scenario({
  id: "socket-state.req-send-twice-efsm",
  clause: "api.socket.req-alternating",
  alsoChecks: ["api.send.error.efsm"],
  level: "MUST",
  title: "A REQ that sent a request fails a second send with EFSM until the reply is received; the second request never reaches the REP",
  requires: ["reqrep"],
  async run(ctx) {
    const {
      rep,
      reqs: [req],
    } = await requestReply(ctx, 1);
    await ctx.expectSuccess("the REQ's first request", () => req.send(["first"]));
    await expectRefusal(ctx, "a second send before the reply", () => req.send(["second"]), "EFSM");
    await ctx.expectMessage(rep, "the REP receives the first request", ["first"]);
    await rep.send(["first-answer"]);
    await ctx.expectMessage(req, "the REQ receives the reply", ["first-answer"]);
    await ctx.expectSuccess("the REQ's next request, after the reply", () => req.send(["third"]));
    await ctx.expectMessage(rep, "the REP's next request is the one sent after the reply (the refused one was never sent)", ["third"]);
  },
});
