import { scenario } from "../../harness/model/scenario";
import { bindWildcard, makeDirectory, setTempVariables } from "./support";

export default scenario({
  id: "wildcard.generates-connectable-path",
  exclusive: true,
  clause: "ipc.bind.wildcard",
  alsoChecks: ["ipc.bind.wildcard.last-endpoint"],
  level: "MUST",
  title: "Binding ipc://* succeeds, ZMQ_LAST_ENDPOINT names the generated path, and a peer connecting to it is reached",
  requires: ["wildcard", "last-endpoint"],
  async run(ctx) {
    // TMPDIR inside ctx.dir so that whatever the bind creates is removed with it (process.env: restored).
    await setTempVariables(ctx, { TMPDIR: await makeDirectory(ctx, "tmpdir"), TEMPDIR: null, TMP: null });
    const puller = await ctx.socket(ctx.impl, "PULL");
    const { endpoint } = await bindWildcard(ctx, puller);
    ctx.observe("lastEndpoint", endpoint);
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await ctx.expectSuccess("connect to the ZMQ_LAST_ENDPOINT value", () => pusher.connect(endpoint));
    await pusher.send(["through-the-wildcard"]);
    await ctx.expectMessage(puller, "message from a peer that connected to the generated path", ["through-the-wildcard"]);
  },
});
