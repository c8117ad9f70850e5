import { scenario } from "../../harness/model/scenario";
import { SILENCE_LIMIT_MS } from "../../harness/runner/limits";
import { RawListener } from "../raw-zmtp/raw-listener";
import { command, greeting } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.error-command-closes",
  clause: "zmtp.error.fatal",
  level: "MUST",
  needs: ["harness-machine"],
  title: "A connecting socket whose READY is answered with ERROR closes that connection",
  async run(ctx) {
    const listener = await RawListener.listen(ctx, ctx.path("refusing.sock"), "raw binder answering ERROR");
    const fastRetry = ctx.impl.capabilities.includes("reconnect-interval") ? { reconnectInterval: 20 } : undefined;
    const push = await ctx.socket(ctx.impl, "PUSH", fastRetry);
    await push.connect(ctx.endpoint("refusing.sock"));
    const peer = await listener.expectConnection("the PUSH socket connects");
    // As the NULL server (RFC 37): our greeting, the client's READY, then ERROR instead of READY.
    await peer.send(greeting());
    await peer.readGreeting();
    await peer.readCommand("the client's READY");
    await peer.send(command("ERROR", Buffer.concat([Buffer.from([9]), Buffer.from("forbidden")])));
    await peer.expectClose("the implementation closes the connection after the ERROR");
    // "...and not re-connecting using the same security credentials": with NULL there are no
    // credentials to change, so whether it comes back is recorded, not judged.
    const again = await listener.next(SILENCE_LIMIT_MS);
    ctx.observe(`reconnected within ${ctx.limit(SILENCE_LIMIT_MS)} ms`, again !== null);
  },
});
