import { scenario } from "../../harness/model/scenario";
import { stalledPath } from "./linger";
import { expectAllDelivered } from "./support";

export default scenario({
  id: "options.linger-infinite-delivers-at-close",
  clause: "api.setsockopt.linger.infinite",
  level: "MUST",
  // The PUSH binds: its lingering connection ends when the PULL goes, and never reconnects, so a
  // failure here cannot leave a socket lingering for ever (and a libzmq process unable to exit).
  title: "A bound PUSH with linger -1 closed while it still holds messages for a PULL that has not read them delivers every one as the PULL reads",
  async run(ctx) {
    const { pusher, puller, accepted } = await stalledPath(ctx, true, { linger: -1 });
    await pusher.close();
    await expectAllDelivered(ctx, puller, accepted, "messages the PULL receives after the close");
  },
});
