import { scenario } from "../../harness/model/scenario";
import { closeBoundPusher, stalledPath } from "./linger";
import { expectSomeDiscarded } from "./support";

export default scenario({
  id: "options.linger-zero-discards-at-close",
  clause: "api.setsockopt.linger.zero",
  level: "MUST",
  title: "A PUSH with linger 0 closed while it still holds messages for a PULL that has not read them discards them: the PULL gets only the first few",
  async run(ctx) {
    const stalled = await stalledPath(ctx, true, { linger: 0 });
    const { puller, accepted } = stalled;
    await closeBoundPusher(ctx, stalled);
    await expectSomeDiscarded(ctx, puller, accepted, "messages the PULL receives after the close");
  },
});
