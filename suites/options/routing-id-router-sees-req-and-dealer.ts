import { scenario } from "../../harness/model/scenario";
import { showFrames } from "../../harness/runner/context";

const shown = (frames: string[]) => showFrames(frames.map((f) => Buffer.from(f)));

export default scenario({
  id: "options.routing-id-router-sees-req-and-dealer",
  clause: "api.setsockopt.routing-id",
  alsoChecks: ["compat.libzmq.ready-properties"],
  level: "MUST",
  title: "A ROUTER sees the routingId of a REQ and of a DEALER before their messages, and a reply addressed to each id reaches that peer",
  roles: "pair",
  requires: ["reqrep"],
  async run(ctx) {
    const endpoint = ctx.endpoint("router.sock");
    const router = await ctx.socket(ctx.binder, "ROUTER");
    await router.bind(endpoint);
    const req = await ctx.socket(ctx.connecter, "REQ", { routingId: "req-1" });
    await req.connect(endpoint);
    const dealer = await ctx.socket(ctx.connecter, "DEALER", { routingId: "dealer-2" });
    await dealer.connect(endpoint);
    await req.send(["from-req"]);
    await dealer.send(["from-dealer"]);
    // The two connections are independent: their messages may arrive in either order.
    const first = showFrames(await ctx.receive(router, "the ROUTER receives a first message"));
    const second = showFrames(await ctx.receive(router, "the ROUTER receives a second message"));
    ctx.check(
      "what the ROUTER received, in either order",
      [first, second].sort().join(" "),
      [shown(["dealer-2", "from-dealer"]), shown(["req-1", "", "from-req"])].sort().join(" "),
    );
    await router.send(["req-1", "", "to-req"]);
    await router.send(["dealer-2", "to-dealer"]);
    await ctx.expectMessage(req, "the REQ receives the reply addressed to its routing id", ["to-req"]);
    await ctx.expectMessage(dealer, "the DEALER receives the message addressed to its routing id", ["to-dealer"]);
  },
});
