import { scenario } from "../../harness/model/scenario";
import { bytes, pathInLongDirectories } from "./support";

export default scenario({
  id: "path-length.at-limit-short-name-in-long-directory",
  clause: "compat.libzmq.path-length-bytes",
  level: "COMPAT",
  title: "A path at the maximum length made of a long directory and a one-byte file name binds and is reachable",
  async run(ctx) {
    // Little room is left beside the name: an implementation that needs a longer temporary name
    // in the same directory must still manage.
    const longest = await pathInLongDirectories(ctx, ctx.platform.maxPathBytes, "s");
    ctx.observe("path bytes", bytes(longest));
    const puller = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectSuccess(`bind a ${ctx.platform.maxPathBytes}-byte path ending in a one-byte name`, () => puller.bind(`ipc://${longest}`));
    if (ctx.impl.capabilities.includes("socket-file")) {
      ctx.check("what is at the path", await ctx.files.kind(longest), "socket");
    }
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await ctx.expectSuccess("connect to the path", () => pusher.connect(`ipc://${longest}`));
    await pusher.send(["deep"]);
    await ctx.expectMessage(puller, "message through the path at the limit", ["deep"]);
  },
});
