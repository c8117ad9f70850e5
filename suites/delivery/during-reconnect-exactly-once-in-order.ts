import { scenario } from "../../harness/model/scenario";
import { SILENCE_LIMIT_MS } from "../../harness/runner/limits";
import { holdsWholeMessage, type RawPeer } from "../raw-zmtp/raw-peer";
import { RawListener } from "../raw-zmtp/raw-listener";
import { greeting, hex, ready } from "../raw-zmtp/zmtp-bytes";
import { describeSequence, exactly, numberOf, sendAllAccepted } from "./sequence";

const COUNT = 200;

export default scenario({
  id: "delivery.during-reconnect-exactly-once-in-order",
  clause: "pipeline.push.queue-whether-connected",
  alsoChecks: ["zmtp.socket.in-order", "zmtp.socket.opportunistic-connect"],
  level: "SHOULD",
  needs: ["harness-machine"],
  title:
    "200 messages a PUSH sends while it is reconnecting (the new connection's handshake held back) all arrive once the handshake completes, each once, in order",
  async run(ctx) {
    // A raw listener, so that losing the connection and the implementation's reconnecting are
    // both events the scenario sees rather than guesses.
    const listener = await RawListener.listen(ctx, ctx.path("flaky.sock"), "raw PULL binder");
    const pusher = await ctx.socket(ctx.impl, "PUSH", { sendTimeout: 0 });
    await pusher.connect(ctx.endpoint("flaky.sock"));

    const first = await listener.expectConnection("the PUSH connects to the raw listener");
    await first.handshake("PULL");
    await pusher.send(["proof"]);
    const proof = await first.readMessage("a first message proves the link");
    ctx.check("the first message over the first connection", proof.frames.map(String).join(","), "proof");
    // Nothing is in flight now: every message accepted from here on was sent after the loss.
    first.destroy();

    const second = await listener.expectConnection("the PUSH reconnects after the raw side hung up");
    // The handshake is held: the raw side sends nothing yet, so the connection exists but cannot
    // carry messages. Whatever the PUSH accepts meanwhile can only wait in its queue.
    await sendAllAccepted(ctx, pusher, "during", COUNT, `the ${COUNT} sends while the new connection's handshake is held are accepted (queued)`);

    await second.send(Buffer.concat([greeting(), ready("PULL")]));
    await second.readGreeting();
    const { name } = await second.readCommand("the PUSH's READY on the new connection");
    ctx.check("first command on the new connection", name, "READY");

    const received = await readNumbered(second, "during", COUNT);
    ctx.observe("received", received.length);
    ctx.check("messages over the new connection", describeSequence(received, COUNT), exactly(COUNT));
    // A duplicate could only show after the last expected message: watch for more bytes.
    const more = await second.settle((unread) => unread.length > 0, SILENCE_LIMIT_MS);
    ctx.check("anything arriving after the last message sent", more === "met" ? `bytes ${hex(second.unread.subarray(0, 32))}` : "nothing", "nothing");
  },
});

/** Reads whole messages until `count` have come or one does not come within the arrival limit. */
async function readNumbered(peer: RawPeer, prefix: string, count: number): Promise<Array<number | null>> {
  const received: Array<number | null> = [];
  while (received.length < count) {
    if ((await peer.settle(holdsWholeMessage)) !== "met") break;
    const { frames } = await peer.readMessage(`message ${received.length + 1} of ${count}`);
    received.push(numberOf(prefix, frames));
  }
  return received;
}
