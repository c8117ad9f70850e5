import { scenario } from "../../harness/model/scenario";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";

export default scenario({
  id: "options.routing-id-router-addresses-peer-first",
  clause: "api.setsockopt.routing-id",
  alsoChecks: ["compat.libzmq.ready-properties"],
  level: "MUST",
  title: "A ROUTER reaches a connected DEALER by the DEALER's routingId before the DEALER has sent anything",
  roles: "pair",
  requires: ["reqrep"],
  async run(ctx) {
    const endpoint = ctx.endpoint("router.sock");
    const router = await ctx.socket(ctx.binder, "ROUTER");
    await router.bind(endpoint);
    const dealer = await ctx.socket(ctx.connecter, "DEALER", { routingId: "dealer-first" });
    await dealer.connect(endpoint);
    // The ROUTER learns the id when the handshake is done and drops what it cannot route until
    // then: it probes until one gets through. A DEALER without that id is never reached.
    const limit = ctx.limit(ARRIVAL_LIMIT_MS);
    const deadline = Date.now() + limit;
    let arrived: Buffer[] | undefined;
    for (let probe = 0; arrived === undefined; probe++) {
      await router.send(["dealer-first", `probe-${probe}`]);
      const result = await ctx.attempt(() => dealer.receive(ctx.limit(10)));
      if (result.ok) arrived = result.value;
      else if (Date.now() > deadline)
        ctx.check('a message the ROUTER addressed to "dealer-first" reaches the DEALER', `nothing within ${limit} ms`, "a message");
    }
    ctx.check(
      "what the DEALER receives",
      arrived.length === 1 && /^probe-\d+$/.test(arrived[0].toString()) ? "a probe, routing id stripped" : arrived.map(String).join("+"),
      "a probe, routing id stripped",
    );
    await dealer.send(["answer"]);
    await ctx.expectMessage(router, "the ROUTER receives the DEALER's answer under the same id", ["dealer-first", "answer"]);
  },
});
