import { scenario } from "../../harness/model/scenario";
import { showFrames } from "../../harness/runner/context";

export default scenario({
  id: "socket-state.router-serves-two-dealers",
  clause: "reqrep.double-queue",
  level: "SHOULD",
  title: "A ROUTER receives from two DEALERs in a row, then sends three messages in a row (two to one, one to the other): no alternation is imposed",
  requires: ["reqrep"],
  async run(ctx) {
    const router = await ctx.socket(ctx.impl, "ROUTER");
    await router.bind(ctx.endpoint("router.sock"));
    const x = await ctx.socket(ctx.impl, "DEALER", { routingId: "x" });
    await x.connect(ctx.endpoint("router.sock"));
    const y = await ctx.socket(ctx.impl, "DEALER", { routingId: "y" });
    await y.connect(ctx.endpoint("router.sock"));
    await x.send(["hello-x"]);
    await y.send(["hello-y"]);
    const greetings = [
      await ctx.receive(router, "the ROUTER receives a first DEALER"),
      await ctx.receive(router, "and, with nothing sent between, the second"),
    ];
    ctx.check(
      "the ROUTER received both DEALERs",
      greetings
        .map((frames) => showFrames(frames))
        .sort()
        .join(" "),
      [showFrames([Buffer.from("x"), Buffer.from("hello-x")]), showFrames([Buffer.from("y"), Buffer.from("hello-y")])].sort().join(" "),
    );
    await ctx.expectSuccess("the ROUTER's first send, to x", () => router.send(["x", "to-x-1"]));
    await ctx.expectSuccess("its second send, to x again", () => router.send(["x", "to-x-2"]));
    await ctx.expectSuccess("its third send, to y", () => router.send(["y", "to-y"]));
    await ctx.expectMessage(x, "x receives its first", ["to-x-1"]);
    await ctx.expectMessage(x, "and its second", ["to-x-2"]);
    await ctx.expectMessage(y, "y receives its own", ["to-y"]);
  },
});
