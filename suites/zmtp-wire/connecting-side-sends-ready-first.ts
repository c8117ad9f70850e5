import { scenario } from "../../harness/model/scenario";
import { RawListener } from "../raw-zmtp/raw-listener";
import { greeting, ready } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.connecting-side-sends-ready-first",
  clause: "zmtp.null.client-ready-first",
  alsoChecks: ["zmtp.null.binder-is-server"],
  level: "MUST",
  needs: ["harness-machine"],
  title: "A connecting socket (the NULL client) sends its READY without waiting for the binder's, then talks once READY comes",
  async run(ctx) {
    const listener = await RawListener.listen(ctx, ctx.path("raw-binder.sock"), "raw PULL binder");
    const push = await ctx.socket(ctx.impl, "PUSH");
    await push.connect(ctx.endpoint("raw-binder.sock"));
    const peer = await listener.expectConnection("the PUSH socket connects to the raw binder");
    // Our greeting only: as the server we wait for the client's READY.
    await peer.send(greeting());
    await peer.readGreeting();
    const { name } = await peer.readCommand("the client's READY arrives while the server has sent none");
    ctx.check("the client's first command", name, "READY");
    await peer.send(ready("PULL"));
    await push.send(["client-hello"]);
    const { frames } = await peer.readMessage("the client's message after the server's READY");
    ctx.check("the message", frames.map((f) => f.toString()).join(","), "client-hello");
  },
});
