import { scenario } from "../../harness/model/scenario";
import { closeBoundPusher, stalledPath } from "./linger";
import { elapse, expectSomeDiscarded } from "./support";

const LINGER_MS = 100;

export default scenario({
  id: "options.linger-positive-expires-at-close",
  clause: "api.setsockopt.linger.positive",
  level: "MUST",
  title:
    "A PUSH with linger 100 closed while it still holds messages for a PULL that reads only 400 ms later discards them once the linger has passed: the PULL gets only the first few",
  async run(ctx) {
    const stalled = await stalledPath(ctx, true, { linger: ctx.limit(LINGER_MS) });
    const { puller, accepted } = stalled;
    await closeBoundPusher(ctx, stalled);
    await elapse(ctx, 4 * LINGER_MS);
    await expectSomeDiscarded(ctx, puller, accepted, "messages the PULL receives when it reads after the linger period");
  },
});
