import { scenario } from "../../harness/model/scenario";
import { MAX_MESSAGE_SIZE, oversizedNeverDelivered } from "./max-message-size";

export default scenario({
  id: "options.max-message-size-binder-drops-oversized",
  clause: "api.setsockopt.maxmsgsize",
  level: "MUST",
  title: `A bound PULL with maxMessageSize ${MAX_MESSAGE_SIZE} receives a ${MAX_MESSAGE_SIZE}-octet message, never a ${MAX_MESSAGE_SIZE + 1}-octet one (the PUSH is disconnected), and later messages after the PUSH reconnects`,
  roles: "pair",
  async run(ctx) {
    const endpoint = ctx.endpoint("limited.sock");
    const puller = await ctx.socket(ctx.binder, "PULL", { maxMessageSize: MAX_MESSAGE_SIZE });
    await puller.bind(endpoint);
    const pusher = await ctx.socket(ctx.connecter, "PUSH");
    await pusher.connect(endpoint);
    await oversizedNeverDelivered(ctx, pusher, puller);
  },
});
