import { scenario } from "../../harness/model/scenario";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";
import { sendWhenAccepted } from "../connect-before-bind/send-when-accepted";
import { RawListener } from "../raw-zmtp/raw-listener";

export default scenario({
  id: "options.immediate-queues-only-on-completed-connections",
  clause: "api.setsockopt.immediate",
  level: "MUST",
  needs: ["harness-machine"],
  title:
    "With immediate, a PUSH whose only connection is made but not yet through its handshake refuses a send (EAGAIN); once the handshake completes the next send goes over it",
  requires: ["immediate"],
  async run(ctx) {
    const listener = await RawListener.listen(ctx, ctx.path("pull.sock"), "raw PULL listener");
    const pusher = await ctx.socket(ctx.impl, "PUSH", { immediate: true, sendTimeout: 0 });
    await pusher.connect(ctx.endpoint("pull.sock"));
    const peer = await listener.expectConnection("the PUSH connects to the raw listener");
    // The connection exists; the raw peer has sent nothing, so the handshake cannot be complete.
    await ctx.expectError("send while the only connection is still in its handshake (sendTimeout 0)", () => pusher.send(["refused"]), ["EAGAIN"]);
    await peer.handshake("PULL");
    const attempts = await sendWhenAccepted(ctx, pusher, ["after-handshake"], "a send once the handshake is complete", ARRIVAL_LIMIT_MS);
    ctx.observe("refusedSendsAfterHandshake", attempts - 1);
    const { frames } = await peer.readMessage("the first message over the connection");
    ctx.check("the first message over the connection (the refused one was never queued)", frames.map(String).join("+"), "after-handshake");
  },
});
