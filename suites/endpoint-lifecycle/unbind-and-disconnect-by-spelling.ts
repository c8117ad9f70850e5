import { scenario } from "../../harness/model/scenario";
import { spelledEndpoints } from "./spelled-endpoints";

export default scenario({
  id: "endpoint-lifecycle.unbind-and-disconnect-by-spelling",
  exclusive: true,
  clause: "api.unbind.endpoint",
  alsoChecks: ["api.disconnect.endpoint", "compat.libzmq.endpoint-string-is-key"],
  level: "MUST",
  title: "Endpoints bound and connected as <dir>/./c.sock, <dir>//g.sock and rel.sock are unbound and disconnected by those same strings",
  requires: ["unbind"],
  async run(ctx) {
    // Process-global: rel.sock lands in ctx.dir. Restored afterwards.
    await ctx.chdir(ctx.dir);
    const spelled = spelledEndpoints(ctx);
    const puller = await ctx.socket(ctx.impl, "PULL");
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    for (const { endpoint } of spelled) await puller.bind(endpoint);
    for (const { endpoint } of spelled) await pusher.connect(endpoint);
    for (const { endpoint, shown } of spelled) await ctx.expectSuccess(`disconnect ${shown}`, () => pusher.disconnect(endpoint));
    for (const { endpoint, shown } of spelled) await ctx.expectSuccess(`unbind ${shown}`, () => puller.unbind(endpoint));
    const late = await ctx.socket(ctx.impl, "PUSH", { linger: 0 });
    for (const { plain } of spelled) await late.connect(plain);
    for (const { shown } of spelled) await late.send([`after unbinding ${shown}`]);
    await ctx.expectSilence(puller, "anything from a new peer of the unbound paths");
  },
});
