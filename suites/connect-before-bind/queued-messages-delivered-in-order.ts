import { scenario } from "../../harness/model/scenario";

const COUNT = 5;

export default scenario({
  id: "connect-before-bind.queued-messages-delivered-in-order",
  clause: "compat.libzmq.connect-before-bind-queues",
  alsoChecks: ["zmtp.socket.in-order"],
  level: "COMPAT",
  title: "Messages sent after connecting to an unbound path all arrive, in order, once a binder binds it",
  roles: "pair",
  async run(ctx) {
    const endpoint = ctx.endpoint("later.sock");
    const pusher = await ctx.socket(ctx.connecter, "PUSH");
    await pusher.connect(endpoint);
    const sent = Array.from({ length: COUNT }, (_, i) => `queued-${i}`);
    for (const message of sent) {
      await ctx.expectSuccess(`send "${message}" before any binder exists`, () => pusher.send([message]));
    }
    const puller = await ctx.socket(ctx.binder, "PULL");
    await puller.bind(endpoint);
    const received: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const frames = await ctx.receive(puller, `message ${i + 1} of ${COUNT} sent before the bind`);
      received.push(frames.map((f) => f.toString()).join("|"));
    }
    ctx.check("messages sent before the bind, as received after it", received, sent);
  },
});
