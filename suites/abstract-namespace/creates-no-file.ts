import { scenario } from "../../harness/model/scenario";
import { abstractName } from "./names";

export default scenario({
  id: "abstract-namespace.creates-no-file",
  clause: "ipc.bind.abstract",
  level: "MUST",
  title: "Binding and connecting ipc://@name create nothing in the filesystem (working directory included)",
  platforms: ["linux"],
  requires: ["abstract-namespace"],
  exclusive: true,
  async run(ctx) {
    const endpoint = `ipc://@${abstractName(ctx, "nofile")}`;
    // The working directory (of this process and of any driver) is ctx.dir, so that a file named
    // after the endpoint would land where the check looks.
    await ctx.chdir(ctx.dir);
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(endpoint);
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await pusher.connect(endpoint);
    await pusher.send(["no-file"]);
    await ctx.expectMessage(puller, "message through the abstract name", ["no-file"]);
    ctx.check("entries in the working directory (ctx.dir) after bind and connect", await ctx.files.list(ctx.dir), []);
  },
});
