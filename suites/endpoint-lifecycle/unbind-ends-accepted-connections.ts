import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-lifecycle.unbind-ends-accepted-connections",
  clause: "compat.libzmq.unbind-ends-accepted-connections",
  level: "COMPAT",
  title: "After unbinding a path, a peer whose connection that path had accepted delivers nothing more to the socket",
  requires: ["unbind"],
  async run(ctx) {
    const endpoint = ctx.endpoint("accepted.sock");
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(endpoint);
    const pusher = await ctx.socket(ctx.impl, "PUSH", { linger: 0 });
    await pusher.connect(endpoint);
    await pusher.send(["before-unbind"]);
    await ctx.expectMessage(puller, "message over the accepted connection before the unbind", ["before-unbind"]);
    await ctx.expectSuccess("unbind of the path", () => puller.unbind(endpoint));
    await pusher.send(["after-unbind"]);
    await ctx.expectSilence(puller, "anything from the peer the unbound path had accepted");
  },
});
