import { scenario } from "../../harness/model/scenario";
import { bytes, pathWithLongName } from "./support";

export default scenario({
  id: "path-length.at-limit-binds",
  clause: "ipc.path.max-size.linux",
  level: "MUST",
  title: "A path of exactly the maximum length (107 bytes on Linux) binds at that exact path and a peer is reached through it",
  platforms: ["linux"],
  async run(ctx) {
    const longest = pathWithLongName(ctx, ctx.platform.maxPathBytes);
    ctx.observe("path bytes", bytes(longest));
    const puller = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectSuccess(`bind a ${ctx.platform.maxPathBytes}-byte path`, () => puller.bind(`ipc://${longest}`));
    if (ctx.impl.capabilities.includes("socket-file")) {
      ctx.check(`what is at the ${ctx.platform.maxPathBytes}-byte path`, await ctx.files.kind(longest), "socket");
    }
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await ctx.expectSuccess(`connect to the ${ctx.platform.maxPathBytes}-byte path`, () => pusher.connect(`ipc://${longest}`));
    await pusher.send(["at-the-limit"]);
    await ctx.expectMessage(puller, "message through the path at the limit", ["at-the-limit"]);
  },
});
