import { scenario } from "../../harness/model/scenario";

const AFTER = 4;

export default scenario({
  id: "endpoint-lifecycle.disconnect-stops-delivery",
  clause: "api.disconnect.endpoint",
  level: "MUST",
  title: "After disconnecting from one of two peers, every message goes to the other one",
  requires: ["unbind"],
  async run(ctx) {
    const left = await ctx.socket(ctx.impl, "PULL");
    const right = await ctx.socket(ctx.impl, "PULL");
    await left.bind(ctx.endpoint("left.sock"));
    await right.bind(ctx.endpoint("right.sock"));
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await pusher.connect(ctx.endpoint("left.sock"));
    await pusher.connect(ctx.endpoint("right.sock"));
    // Round robin over the two pipes: one message each shows both connections work.
    await pusher.send(["before-1"]);
    await pusher.send(["before-2"]);
    await ctx.receive(left, "the first peer receives before the disconnect");
    await ctx.receive(right, "the second peer receives before the disconnect");

    await ctx.expectSuccess("disconnect from the first peer", () => pusher.disconnect(ctx.endpoint("left.sock")));
    const sent = Array.from({ length: AFTER }, (_, i) => `after-${i}`);
    for (const message of sent) await pusher.send([message]);
    const received: string[] = [];
    for (let i = 0; i < AFTER; i++) {
      const frames = await ctx.receive(right, `message ${i + 1} of ${AFTER} at the peer still connected`);
      received.push(frames.map((f) => f.toString()).join("|"));
    }
    ctx.check("messages sent after the disconnect, at the peer still connected", received, sent);
    await ctx.expectSilence(left, "anything reaching the disconnected peer");
  },
});
