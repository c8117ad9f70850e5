import { scenario } from "../../harness/model/scenario";
import { bindWildcard, makeDirectory, setTempVariables } from "./support";

export default scenario({
  id: "wildcard.unbind-via-last-endpoint",
  exclusive: true,
  clause: "ipc.unbind.wildcard",
  level: "SHOULD",
  title: "A wildcard binding is unbound through the endpoint ZMQ_LAST_ENDPOINT returned",
  requires: ["wildcard", "last-endpoint", "unbind"],
  async run(ctx) {
    // process.env (JS and C views): restored via ctx.defer.
    await setTempVariables(ctx, { TMPDIR: await makeDirectory(ctx, "tmpdir"), TEMPDIR: null, TMP: null });
    const puller = await ctx.socket(ctx.impl, "PULL");
    const { endpoint } = await bindWildcard(ctx, puller);
    await ctx.expectSuccess("unbind with the ZMQ_LAST_ENDPOINT value", () => puller.unbind(endpoint));
    // Evidence that the first unbind really removed the binding: there is nothing left to unbind.
    await ctx.expectError("unbind of the same endpoint a second time", () => puller.unbind(endpoint), ["ENOENT"]);
  },
});
