import { scenario } from "../../harness/model/scenario";
import { showFrames } from "../../harness/runner/context";
import { connectPair } from "./helpers";

export default scenario({
  id: "interop.router-router",
  clause: "zmtp.message.atomic",
  level: "MUST",
  title: 'Two ROUTERs with routing ids "b" (binder) and "c" (connecter) address each other by those ids',
  roles: "pair",
  requires: ["reqrep"],
  async run(ctx) {
    const { bound, connected } = await connectPair(ctx, "ROUTER", "ROUTER", { binder: { routingId: "b" }, connecter: { routingId: "c" } });
    // The connecter learns the id "b" only when the handshake is done; until then a ROUTER
    // drops what it cannot route, so it probes until one gets through.
    const limit = ctx.limit(2000);
    const deadline = Date.now() + limit;
    let first: Buffer[] | undefined;
    for (let probe = 0; first === undefined; probe++) {
      await connected.send(["b", `probe-${probe}`]);
      const result = await ctx.attempt(() => bound.receive(ctx.limit(10)));
      if (result.ok) first = result.value;
      else if (Date.now() > deadline) ctx.check("a message from the connecting ROUTER reaches the binding one", `nothing within ${limit} ms`, "a message");
    }
    ctx.check("the binding ROUTER sees the connecter's routing id first", showFrames(first.slice(0, 1)), showFrames([Buffer.from("c")]));
    await bound.send(["c", "reply", ""]);
    await ctx.expectMessage(connected, "the connecting ROUTER receives [binder's id, body]", ["b", "reply", ""]);
  },
});
