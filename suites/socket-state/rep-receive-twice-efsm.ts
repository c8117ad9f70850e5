import { scenario } from "../../harness/model/scenario";
import { expectRefusal, receiveOutOfTurn, requestReply } from "./helpers";

export default scenario({
  id: "socket-state.rep-receive-twice-efsm",
  clause: "api.socket.rep-alternating",
  alsoChecks: ["api.recv.error.efsm", "api.socket.rep-reply-to-requester"],
  level: "MUST",
  title: "A REP that received a request fails a second receive with EFSM, with another request waiting, until it has replied; each reply goes to its requester",
  requires: ["reqrep"],
  async run(ctx) {
    const {
      rep,
      reqs: [a, b],
    } = await requestReply(ctx, 2);
    await a.send(["from-a"]);
    await b.send(["from-b"]);
    const first = (await ctx.receive(rep, "the REP receives a first request")).map(String);
    ctx.check("the first request is one of the two", first.length === 1 && ["from-a", "from-b"].includes(first[0]), true);
    await expectRefusal(ctx, "a second receive before the reply", receiveOutOfTurn(ctx, rep), "EFSM");
    await rep.send([`answer-to-${first[0]}`]);
    const other = first[0] === "from-a" ? "from-b" : "from-a";
    await ctx.expectMessage(rep, "after the reply, the REP receives the other request", [other]);
    await rep.send([`answer-to-${other}`]);
    await ctx.expectMessage(a, "REQ a receives the answer to its own request", ["answer-to-from-a"]);
    await ctx.expectMessage(b, "REQ b receives the answer to its own request", ["answer-to-from-b"]);
  },
});
