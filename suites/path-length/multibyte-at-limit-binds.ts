import { scenario } from "../../harness/model/scenario";
import { bytes, multibytePath } from "./support";

export default scenario({
  id: "path-length.multibyte-at-limit-binds",
  clause: "compat.libzmq.path-length-bytes",
  level: "COMPAT",
  title: "A path whose UTF-8 encoding is exactly the maximum length, ending in a multi-byte character, binds under that exact name",
  async run(ctx) {
    const { path: longest, name } = multibytePath(ctx, ctx.platform.maxPathBytes);
    ctx.observe("path bytes", bytes(longest));
    ctx.observe("path characters", [...longest].length);
    const puller = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectSuccess(`bind a path of ${bytes(longest)} bytes in UTF-8`, () => puller.bind(`ipc://${longest}`));
    if (ctx.impl.capabilities.includes("socket-file")) {
      const names = await ctx.files.list(ctx.dir);
      const observed = names.includes(name) ? await ctx.files.kind(longest) : `no entry of that name (entries: ${names.join(", ") || "none"})`;
      ctx.check("what is in the scenario directory under the exact UTF-8 name", observed, "socket");
    }
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await ctx.expectSuccess("connect to the same path", () => pusher.connect(`ipc://${longest}`));
    await pusher.send(["€"]);
    await ctx.expectMessage(puller, "message through the multi-byte path", ["€"]);
  },
});
