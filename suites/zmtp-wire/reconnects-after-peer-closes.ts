import { scenario } from "../../harness/model/scenario";
import { RawListener } from "../raw-zmtp/raw-listener";
import { greeting, ready } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.reconnects-after-peer-closes",
  clause: "zmtp.error.close-is-temporary",
  alsoChecks: ["zmtp.socket.opportunistic-connect"],
  level: "MUST",
  needs: ["harness-machine"],
  title: "A socket connected before anything listened connects when a listener appears, and reconnects after that peer hangs up",
  async run(ctx) {
    const push = await ctx.socket(ctx.impl, "PUSH");
    await push.connect(ctx.endpoint("late.sock"));
    // Only now does anything listen at the path.
    const listener = await RawListener.listen(ctx, ctx.path("late.sock"), "raw PULL binder");
    const first = await listener.expectConnection("the PUSH connects once the listener exists");
    await first.send(Buffer.concat([greeting(), ready("PULL")]));
    await first.readGreeting();
    await first.readCommand("the PUSH's READY on the first connection");
    first.destroy();
    const second = await listener.expectConnection("the PUSH reconnects after the peer hung up");
    await second.send(Buffer.concat([greeting(), ready("PULL")]));
    await second.readGreeting();
    await second.readCommand("the PUSH's READY on the second connection");
    await push.send(["after-reconnect"]);
    const { frames } = await second.readMessage("a message over the new connection");
    ctx.check("the message over the new connection", frames.map((f) => f.toString()).join(","), "after-reconnect");
  },
});
