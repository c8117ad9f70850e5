import { scenario } from "../../harness/model/scenario";
import { describeSequence, exactly, receiveNumbered, sendAllAccepted } from "./sequence";

const COUNT = 200;

export default scenario({
  id: "delivery.before-bind-exactly-once-in-order",
  clause: "compat.libzmq.connect-before-bind-queues",
  alsoChecks: ["zmtp.socket.in-order"],
  level: "COMPAT",
  title: "200 messages a PUSH sent before any binder existed all reach the PULL that binds later, each once, in order, and nothing else follows",
  roles: "pair",
  async run(ctx) {
    const endpoint = ctx.endpoint("early.sock");
    // sendTimeout 0: a message the implementation does not queue comes back as EAGAIN at once
    // instead of leaving send() waiting for a binder that does not exist yet.
    const pusher = await ctx.socket(ctx.connecter, "PUSH", { sendTimeout: 0 });
    await pusher.connect(endpoint);
    await sendAllAccepted(ctx, pusher, "early", COUNT, `the ${COUNT} sends before any binder exists are accepted (queued)`);

    const puller = await ctx.socket(ctx.binder, "PULL");
    await puller.bind(endpoint);
    const received = await receiveNumbered(ctx, puller, "early", COUNT);
    ctx.observe("received", received.length);
    ctx.check("messages the binder received", describeSequence(received, COUNT), exactly(COUNT));
    // A duplicate could only show after the last expected message: watch for one.
    await ctx.expectSilence(puller, "anything arriving after the last message sent");
  },
});
