import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-lifecycle.unbind-middle-of-three",
  clause: "api.unbind.endpoint",
  level: "MUST",
  title: "Of three paths bound in turn, unbinding the second leaves the first and the third accepting and the second refusing",
  requires: ["unbind"],
  async run(ctx) {
    const names = ["one.sock", "two.sock", "three.sock"];
    const puller = await ctx.socket(ctx.impl, "PULL");
    for (const name of names) await puller.bind(ctx.endpoint(name));
    await ctx.expectSuccess("unbind of two.sock", () => puller.unbind(ctx.endpoint("two.sock")));
    for (const name of ["one.sock", "three.sock"]) {
      const pusher = await ctx.socket(ctx.impl, "PUSH");
      await pusher.connect(ctx.endpoint(name));
      await pusher.send([`via ${name}`]);
      await ctx.expectMessage(puller, `message from a new peer of ${name}, still bound`, [`via ${name}`]);
    }
    const ofUnbound = await ctx.socket(ctx.impl, "PUSH", { linger: 0 });
    await ofUnbound.connect(ctx.endpoint("two.sock"));
    await ofUnbound.send(["via two.sock"]);
    await ctx.expectSilence(puller, "anything from a new peer of the unbound two.sock");
  },
});
