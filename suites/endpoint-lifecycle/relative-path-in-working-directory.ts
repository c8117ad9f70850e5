import { scenario } from "../../harness/model/scenario";
import { inWorkingDirectory } from "./working-directory";

export default scenario({
  id: "endpoint-lifecycle.relative-path-in-working-directory",
  exclusive: true,
  // Its note: a path without the leading / is relative to the working directory.
  clause: "ipc.bind.absolute-pathname",
  level: "MUST",
  title: "A relative ipc path is bound in the working directory, where a peer using the absolute path reaches it",
  requires: ["socket-file"],
  async run(ctx) {
    const puller = await ctx.socket(ctx.impl, "PULL");
    await inWorkingDirectory(ctx, ctx.dir, () => ctx.expectSuccess("bind ipc://rel.sock", () => puller.bind("ipc://rel.sock")));
    ctx.check("what is at rel.sock in the working directory of the bind", await ctx.files.kind(ctx.path("rel.sock")), "socket");
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await pusher.connect(ctx.endpoint("rel.sock"));
    await pusher.send(["by-absolute-path"]);
    await ctx.expectMessage(puller, "message from a peer connecting to the absolute path", ["by-absolute-path"]);
  },
});
