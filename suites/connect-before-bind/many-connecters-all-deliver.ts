import { scenario } from "../../harness/model/scenario";

const CONNECTERS = 5;

export default scenario({
  id: "connect-before-bind.many-connecters-all-deliver",
  clause: "compat.libzmq.connect-before-bind-queues",
  level: "COMPAT",
  title: "Several sockets that connected and sent before the bind all deliver once the binder binds",
  async run(ctx) {
    const endpoint = ctx.endpoint("crowd.sock");
    const expected: string[] = [];
    for (let i = 0; i < CONNECTERS; i++) {
      const pusher = await ctx.socket(ctx.impl, "PUSH");
      await pusher.connect(endpoint);
      await pusher.send([`from-${i}`]);
      expected.push(`from-${i}`);
    }
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(endpoint);
    const received: string[] = [];
    for (let i = 0; i < CONNECTERS; i++) {
      const frames = await ctx.receive(puller, `message from connecter ${i + 1} of ${CONNECTERS}`);
      received.push(frames.map((f) => f.toString()).join("|"));
    }
    // Fair queueing decides the order across peers: compare as sets.
    ctx.check("messages of all early connecters, in any order", [...received].sort(), expected);
  },
});
