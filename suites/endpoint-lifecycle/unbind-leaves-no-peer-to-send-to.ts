import { scenario } from "../../harness/model/scenario";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";

export default scenario({
  id: "endpoint-lifecycle.unbind-leaves-no-peer-to-send-to",
  clause: "compat.libzmq.unbind-ends-accepted-connections",
  alsoChecks: ["api.socket.push-mute-blocks"],
  level: "COMPAT",
  title: "A PUSH that unbinds its only path has no peer left: a send that may not wait fails with EAGAIN",
  requires: ["unbind"],
  async run(ctx) {
    const endpoint = ctx.endpoint("sender.sock");
    const pusher = await ctx.socket(ctx.impl, "PUSH", { sendTimeout: 0 });
    await pusher.bind(endpoint);
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.connect(endpoint);
    // The connection is accepted when a send that may not wait stops being refused.
    const accepted = Date.now() + ctx.limit(ARRIVAL_LIMIT_MS);
    for (;;) {
      const sent = await ctx.attempt(() => pusher.send(["before-unbind"]));
      if (sent.ok) break;
      if (sent.code !== "EAGAIN")
        ctx.check("a send that may not wait while the peer connects", sent.code, "EAGAIN", "error EAGAIN until the peer is connected");
      if (Date.now() > accepted) ctx.check("a send once the peer has connected", `error EAGAIN for ${ctx.limit(ARRIVAL_LIMIT_MS)} ms`, "success");
      await new Promise((resolve) => setImmediate(resolve));
    }
    await ctx.expectMessage(puller, "message from the binder before the unbind", ["before-unbind"]);
    await ctx.expectSuccess("unbind of the path", () => pusher.unbind(endpoint));
    // libzmq ends the accepted connection asynchronously: a send or two right after the unbind
    // may still go out (libzmq's own test waits before it checks). Each one is drained; the
    // sends must turn into EAGAIN within the arrival limit.
    const deadline = Date.now() + ctx.limit(ARRIVAL_LIMIT_MS);
    let sentAfter = 0;
    for (;;) {
      const sent = await ctx.attempt(() => pusher.send([`after-unbind-${sentAfter}`]));
      if (!sent.ok) {
        ctx.observe("sends that went through after the unbind", sentAfter);
        ctx.check("a send after the unbind, with the accepted peer gone", sent.code, "EAGAIN", "error EAGAIN");
        return;
      }
      sentAfter++;
      if (Date.now() > deadline)
        ctx.check(
          "a send after the unbind, with the accepted peer gone",
          `still accepted after ${sentAfter} sends over ${ctx.limit(ARRIVAL_LIMIT_MS)} ms`,
          "error EAGAIN",
        );
      await ctx.attempt(() => puller.receive(ctx.limit(20)));
    }
  },
});
