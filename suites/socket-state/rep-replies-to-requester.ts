import { scenario } from "../../harness/model/scenario";
import { requestReply } from "./helpers";

export default scenario({
  id: "socket-state.rep-replies-to-requester",
  clause: "api.socket.rep-reply-to-requester",
  level: "MUST",
  title: "A REP with two REQs connected sends each reply back to the REQ whose request it answers",
  requires: ["reqrep"],
  async run(ctx) {
    const {
      rep,
      reqs: [a, b],
    } = await requestReply(ctx, 2);
    await a.send(["from-a"]);
    await b.send(["from-b"]);
    for (const nth of ["first", "second"]) {
      const request = (await ctx.receive(rep, `the REP receives the ${nth} request`)).map(String);
      ctx.check(`the ${nth} request is one of the two`, request.length === 1 && ["from-a", "from-b"].includes(request[0]), true);
      await rep.send([`answer-to-${request[0]}`]);
    }
    await ctx.expectMessage(a, "REQ a receives the answer to its own request", ["answer-to-from-a"]);
    await ctx.expectMessage(b, "REQ b receives the answer to its own request", ["answer-to-from-b"]);
  },
});
