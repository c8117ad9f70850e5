import { scenario } from "../../harness/model/scenario";
import { stalledPath } from "./linger";
import { expectSomeDiscarded } from "./support";

export default scenario({
  id: "options.linger-zero-discards-at-disconnect",
  clause: "api.setsockopt.linger.zero",
  level: "MUST",
  title:
    "A PUSH with linger 0 that disconnects while it still holds messages for a PULL that has not read them discards them: the PULL gets only the first few",
  requires: ["unbind"],
  async run(ctx) {
    const { pusher, puller, endpoint, accepted } = await stalledPath(ctx, false, { linger: 0 });
    await pusher.disconnect(endpoint);
    await expectSomeDiscarded(ctx, puller, accepted, "messages the PULL receives after the disconnect");
  },
});
