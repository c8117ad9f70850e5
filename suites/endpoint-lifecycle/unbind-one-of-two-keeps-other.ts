import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-lifecycle.unbind-one-of-two-keeps-other",
  clause: "api.unbind.endpoint",
  level: "MUST",
  title: "A socket bound to two paths that unbinds the first keeps the second: its peer still delivers, a new peer of the first reaches nothing",
  requires: ["unbind"],
  async run(ctx) {
    const [first, second] = [ctx.endpoint("first.sock"), ctx.endpoint("second.sock")];
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(first);
    await puller.bind(second);
    const ofSecond = await ctx.socket(ctx.impl, "PUSH");
    await ofSecond.connect(second);
    await ofSecond.send(["before-unbind"]);
    await ctx.expectMessage(puller, "message from the peer of the second path before the unbind", ["before-unbind"]);

    await ctx.expectSuccess("unbind of the first path", () => puller.unbind(first));
    await ofSecond.send(["after-unbind"]);
    await ctx.expectMessage(puller, "message from the peer of the second path after unbinding the first", ["after-unbind"]);
    const lateSecond = await ctx.socket(ctx.impl, "PUSH");
    await lateSecond.connect(second);
    await lateSecond.send(["new-peer-of-second"]);
    await ctx.expectMessage(puller, "message from a new peer of the second path", ["new-peer-of-second"]);
    const lateFirst = await ctx.socket(ctx.impl, "PUSH", { linger: 0 });
    await lateFirst.connect(first);
    await lateFirst.send(["new-peer-of-first"]);
    await ctx.expectSilence(puller, "anything from a new peer of the unbound first path");
  },
});
