import { scenario } from "../../harness/model/scenario";

const ROUNDS = 3;

export default scenario({
  id: "connect-before-bind.binder-comes-and-goes",
  clause: "compat.libzmq.rebind-followers",
  level: "COMPAT",
  title: "A socket connected before any bind reaches the binder each time one appears, goes away and appears again",
  async run(ctx) {
    const endpoint = ctx.endpoint("flaky.sock");
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await pusher.connect(endpoint);
    for (let round = 1; round <= ROUNDS; round++) {
      const puller = await ctx.socket(ctx.impl, "PULL");
      await ctx.expectSuccess(`bind number ${round}`, () => puller.bind(endpoint));
      // Across the gap a message may die with the previous binder's connection: probe until one gets through.
      await ctx.probeUntilReceived(pusher, puller, `the early connecter reaches binder number ${round}`);
      await puller.close();
    }
  },
});
