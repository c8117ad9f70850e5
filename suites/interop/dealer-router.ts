import { scenario } from "../../harness/model/scenario";
import { showFrames } from "../../harness/runner/context";
import { connectPair } from "./helpers";

export default scenario({
  id: "interop.dealer-router",
  clause: "zmtp.message.atomic",
  level: "MUST",
  title: "A ROUTER receives a DEALER's message behind a routing id and sends the reply back to it by that id",
  roles: "pair",
  requires: ["reqrep"],
  async run(ctx) {
    const { bound: router, connected: dealer } = await connectPair(ctx, "ROUTER", "DEALER");
    await dealer.send(["hello", ""]);
    const received = await ctx.receive(router, "ROUTER receives the DEALER's message");
    ctx.observe("routing id the ROUTER gave the DEALER", received[0]?.toString("hex"));
    ctx.check(
      "ROUTER's message: a non-empty routing id, then the frames sent",
      showFrames(received.slice(1)),
      showFrames([Buffer.from("hello"), Buffer.alloc(0)]),
    );
    ctx.check("the routing id frame is not empty", received[0]?.length ?? 0, (length) => length > 0, "at least 1 byte");
    await router.send([received[0], "back", ""]);
    await ctx.expectMessage(dealer, "DEALER receives the reply routed by that id, without the id", ["back", ""]);
  },
});
