import { scenario } from "../../harness/model/scenario";
import { stalledPath } from "./linger";
import { expectSomeDiscarded } from "./support";

export default scenario({
  id: "options.linger-zero-discards-at-close",
  suite: "options",
  clause: "api.setsockopt.linger.zero",
  level: "MUST",
  title: "A PUSH with linger 0 closed while it still holds messages for a PULL that has not read them discards them: the PULL gets only the first few",
  async run(ctx) {
    const { pusher, puller, accepted } = await stalledPath(ctx, true, { linger: 0 });
    await pusher.close();
    await expectSomeDiscarded(ctx, puller, accepted, "messages the PULL receives after the close");
  },
});
