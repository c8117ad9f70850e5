import { scenario } from "../../harness/model/scenario";
import { expectRefusal, receiveOutOfTurn, requestReply } from "./helpers";

/**
 * One REQ and one REP through a whole round, trying at every step the call that is out of turn:
 * each is refused with EFSM and changes nothing, and the round still completes.
 */
export default scenario({
  id: "socket-state.req-rep-lockstep",
  clause: "api.socket.req-alternating",
  alsoChecks: ["api.socket.rep-alternating", "api.send.error.efsm", "api.recv.error.efsm"],
  level: "MUST",
  title:
    "Through a REQ/REP round every out-of-turn call (REQ: receive first, send twice, receive twice; REP: send first, receive twice, send twice) fails with EFSM and the round completes",
  requires: ["reqrep"],
  async run(ctx) {
    const {
      rep,
      reqs: [req],
    } = await requestReply(ctx, 1);
    await expectRefusal(ctx, "REQ receive before its request", receiveOutOfTurn(ctx, req), "EFSM");
    await expectRefusal(ctx, "REP send before any request", () => rep.send(["unasked"]), "EFSM");
    await ctx.expectSuccess("REQ sends its request", () => req.send(["q1"]));
    await expectRefusal(ctx, "REQ sends again before the reply", () => req.send(["q2"]), "EFSM");
    await ctx.expectMessage(rep, "REP receives the request", ["q1"]);
    await expectRefusal(ctx, "REP receives again before replying", receiveOutOfTurn(ctx, rep), "EFSM");
    await ctx.expectSuccess("REP sends the reply", () => rep.send(["a1"]));
    await expectRefusal(ctx, "REP sends a second reply", () => rep.send(["a2"]), "EFSM");
    await ctx.expectMessage(req, "REQ receives the reply", ["a1"]);
    await expectRefusal(ctx, "REQ receives a second reply", receiveOutOfTurn(ctx, req), "EFSM");
    await ctx.expectSuccess("REQ sends its next request", () => req.send(["q3"]));
    await ctx.expectMessage(rep, "REP's next request is q3 (nothing refused was sent)", ["q3"]);
  },
});
