import { scenario } from "../../harness/model/scenario";
import { stalledPath } from "./linger";
import { expectAllDelivered } from "./support";

export default scenario({
  id: "options.linger-infinite-delivers-at-disconnect",
  clause: "api.setsockopt.linger.infinite",
  level: "MUST",
  // reconnectInterval -1: the lingering connection is never remade, so a failure here cannot
  // leave a socket lingering for ever (and a libzmq process unable to exit).
  title:
    "A PUSH with linger -1 (and reconnectInterval -1) that disconnects while it still holds messages for a PULL that has not read them delivers every one as the PULL reads",
  requires: ["unbind", "reconnect-interval"],
  async run(ctx) {
    const { pusher, puller, endpoint, accepted } = await stalledPath(ctx, false, { linger: -1, reconnectInterval: -1 });
    await pusher.disconnect(endpoint);
    await expectAllDelivered(ctx, puller, accepted, "messages the PULL receives after the disconnect");
  },
});
