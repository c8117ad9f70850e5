import { scenario } from "../../harness/model/scenario";
import { stalledPath } from "./linger";
import { expectAllDelivered } from "./support";

/** Far longer than the PULL takes to read what is pending. */
const LINGER_MS = 10_000;

export default scenario({
  id: "options.linger-positive-delivers-at-disconnect",
  clause: "api.setsockopt.linger.positive",
  level: "MUST",
  title: "A PUSH with linger 10000 that disconnects while it still holds messages for a PULL that has not read them delivers every one as the PULL reads",
  requires: ["unbind"],
  async run(ctx) {
    const { pusher, puller, endpoint, accepted } = await stalledPath(ctx, false, { linger: ctx.limit(LINGER_MS) });
    await pusher.disconnect(endpoint);
    await expectAllDelivered(ctx, puller, accepted, "messages the PULL receives after the disconnect");
  },
});
