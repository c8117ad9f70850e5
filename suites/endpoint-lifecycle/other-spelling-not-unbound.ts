import { scenario } from "../../harness/model/scenario";
import { spelledEndpoints } from "./spelled-endpoints";

export default scenario({
  id: "endpoint-lifecycle.other-spelling-not-unbound",
  exclusive: true,
  clause: "compat.libzmq.endpoint-string-is-key",
  alsoChecks: ["api.unbind.error.enoent", "api.disconnect.error.enoent"],
  level: "COMPAT",
  title: "unbind and disconnect with another spelling of a bound or connected path fail with ENOENT and leave it bound or connected",
  requires: ["unbind"],
  async run(ctx) {
    await ctx.chdir(ctx.dir);
    const spelled = spelledEndpoints(ctx);
    const puller = await ctx.socket(ctx.impl, "PULL");
    for (const { endpoint } of spelled) await puller.bind(endpoint);
    const connected = await ctx.socket(ctx.impl, "PUSH");
    await connected.connect(spelled[0].endpoint);
    for (const { plain, shown } of spelled) {
      await ctx.expectError(`unbind ${plain.replace(ctx.dir, "<dir>")} (bound as ${shown})`, () => puller.unbind(plain), ["ENOENT"]);
    }
    await ctx.expectError(
      `disconnect ${spelled[0].plain.replace(ctx.dir, "<dir>")} (connected as ${spelled[0].shown})`,
      () => connected.disconnect(spelled[0].plain),
      ["ENOENT"],
    );
    await connected.send(["still-connected"]);
    await ctx.expectMessage(puller, "message over the connection a wrong spelling did not disconnect", ["still-connected"]);
    for (const { plain, shown } of spelled) {
      const pusher = await ctx.socket(ctx.impl, "PUSH");
      await pusher.connect(plain);
      await pusher.send([`via ${shown}`]);
      await ctx.expectMessage(puller, `message from a new peer of ${shown}, still bound`, [`via ${shown}`]);
    }
  },
});
