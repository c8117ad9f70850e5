import { scenario } from "../../harness/model/scenario";
import { bindWildcard, makeDirectory, setTempVariables } from "./support";

export default scenario({
  id: "wildcard.unbind-literal-star-fails",
  exclusive: true,
  clause: "compat.libzmq.unbind-wildcard-literal",
  level: "COMPAT",
  title: 'unbind("ipc://*") fails with ENOENT and leaves the wildcard binding in place',
  requires: ["wildcard", "last-endpoint", "unbind"],
  async run(ctx) {
    // process.env (JS and C views): restored via ctx.defer.
    await setTempVariables(ctx, { TMPDIR: await makeDirectory(ctx, "tmpdir"), TEMPDIR: null, TMP: null });
    const puller = await ctx.socket(ctx.impl, "PULL");
    const { endpoint } = await bindWildcard(ctx, puller);
    await ctx.expectError('unbind("ipc://*") after binding ipc://*', () => puller.unbind("ipc://*"), ["ENOENT"]);
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await pusher.connect(endpoint);
    await pusher.send(["still-bound"]);
    await ctx.expectMessage(puller, "message to the generated path after the refused unbind", ["still-bound"]);
  },
});
