import { scenario } from "../../harness/model/scenario";
import { expectRefusal, requestReply } from "./helpers";

export default scenario({
  id: "socket-state.rep-send-before-receive-efsm",
  clause: "api.socket.rep-alternating",
  alsoChecks: ["api.send.error.efsm"],
  level: "MUST",
  title: "A REP that has received no request fails a send with EFSM, and nothing of it reaches the requester",
  requires: ["reqrep"],
  async run(ctx) {
    const {
      rep,
      reqs: [req],
    } = await requestReply(ctx, 1);
    await expectRefusal(ctx, "send on a REP before any request", () => rep.send(["unasked"]), "EFSM");
    await req.send(["question"]);
    await ctx.expectMessage(rep, "the REP receives the request", ["question"]);
    await rep.send(["answer"]);
    await ctx.expectMessage(req, "the REQ's reply is the answer (the refused send was never sent)", ["answer"]);
  },
});
