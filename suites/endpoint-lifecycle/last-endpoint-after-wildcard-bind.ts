import { scenario } from "../../harness/model/scenario";
import { makeDirectory, setTempVariables } from "../wildcard/support";

export default scenario({
  id: "endpoint-lifecycle.last-endpoint-after-wildcard-bind",
  exclusive: true,
  clause: "api.getsockopt.last-endpoint",
  alsoChecks: ["ipc.bind.wildcard.last-endpoint"],
  level: "MUST",
  title: "After a named bind and then ipc://*, lastEndpoint names the generated path, and a peer reaches the socket through it",
  requires: ["last-endpoint", "wildcard"],
  async run(ctx) {
    // The generated path goes inside ctx.dir (removed with it), never the machine's own temporary
    // directory, which a container platform may not even let us write.
    await setTempVariables(ctx, { TMPDIR: await makeDirectory(ctx, "tmpdir"), TEMPDIR: null, TMP: null });
    const named = ctx.endpoint("named.sock");
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(named);
    await ctx.expectSuccess("bind ipc://*", () => puller.bind("ipc://*"));
    const last = await puller.lastEndpoint();
    ctx.check(
      "lastEndpoint after binding ipc://* second",
      last ?? "null",
      (value) => value.startsWith("ipc://") && value !== "ipc://*" && value !== named,
      "the generated ipc:// endpoint (not ipc://*, not the named path bound first)",
    );
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await pusher.connect(last!);
    await pusher.send(["via the generated path"]);
    await ctx.expectMessage(puller, "message from a peer of the generated path", ["via the generated path"]);
  },
});
