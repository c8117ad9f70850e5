import { scenario } from "../../harness/model/scenario";
import { expectRefusal, receiveOutOfTurn, requestReply } from "./helpers";

export default scenario({
  id: "socket-state.req-receive-before-send-efsm",
  clause: "api.socket.req-alternating",
  alsoChecks: ["api.recv.error.efsm"],
  level: "MUST",
  title: "A REQ that has sent no request fails a receive with EFSM, and its first request and reply then go through",
  requires: ["reqrep"],
  async run(ctx) {
    const {
      rep,
      reqs: [req],
    } = await requestReply(ctx, 1);
    await expectRefusal(ctx, "receive on a REQ before any request", receiveOutOfTurn(ctx, req), "EFSM");
    await ctx.expectSuccess("the REQ's first request", () => req.send(["question"]));
    await ctx.expectMessage(rep, "the REP receives the request", ["question"]);
    await rep.send(["answer"]);
    await ctx.expectMessage(req, "the REQ receives the reply", ["answer"]);
  },
});
