import { scenario } from "../../harness/model/scenario";
import { RawListener } from "../raw-zmtp/raw-listener";
import { frame } from "../raw-zmtp/zmtp-bytes";
import { MAX_MESSAGE_SIZE } from "./max-message-size";

export default scenario({
  id: "options.max-message-size-connecter-drops-oversized",
  clause: "api.setsockopt.maxmsgsize",
  level: "MUST",
  needs: ["harness-machine"],
  title: `A connecting PULL with maxMessageSize ${MAX_MESSAGE_SIZE} receives a ${MAX_MESSAGE_SIZE}-octet message from the PUSH it connected to, and closes the connection at a ${MAX_MESSAGE_SIZE + 1}-octet one without delivering it`,
  async run(ctx) {
    const listener = await RawListener.listen(ctx, ctx.path("push.sock"), "raw PUSH listener");
    const puller = await ctx.socket(ctx.impl, "PULL", { maxMessageSize: MAX_MESSAGE_SIZE });
    await puller.connect(ctx.endpoint("push.sock"));
    const peer = await listener.expectConnection("the PULL connects to the raw PUSH");
    await peer.handshake("PUSH");
    await peer.send(frame(0, Buffer.alloc(MAX_MESSAGE_SIZE, 0x61)));
    const atLimit = await ctx.receive(puller, `a ${MAX_MESSAGE_SIZE}-octet message (at the limit) arrives`);
    ctx.check("size of the message at the limit", atLimit.map((f) => f.length).join("+"), String(MAX_MESSAGE_SIZE));
    await peer.send(frame(0, Buffer.alloc(MAX_MESSAGE_SIZE + 1, 0x62)));
    // libzmq 4.3.5 does not connect again after such a protocol error (session_base_t::engine_error):
    // the closed connection and the message never delivered are what the sentence asks.
    await peer.expectClose(`the PULL closes the connection after the ${MAX_MESSAGE_SIZE + 1}-octet frame`);
    await ctx.expectSilence(puller, `the ${MAX_MESSAGE_SIZE + 1}-octet message reaching the application`);
  },
});
