import { scenario } from "../../harness/model/scenario";
import { abstractAddressOfBytes, bytes } from "./support";

export default scenario({
  id: "path-length.abstract-at-limit-binds",
  clause: "compat.libzmq.path-length-bytes",
  level: "COMPAT",
  title: "An abstract address (@ + name) of exactly the maximum length binds and a peer is reached through it",
  platforms: ["linux"],
  requires: ["abstract-namespace"],
  async run(ctx) {
    // libzmq counts the "@" with the name against sun_path, as for a path.
    const address = abstractAddressOfBytes(ctx.platform.maxPathBytes);
    ctx.observe("address bytes", bytes(address));
    const puller = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectSuccess(`bind an abstract address of ${bytes(address)} bytes`, () => puller.bind(`ipc://${address}`));
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await ctx.expectSuccess("connect to the same abstract address", () => pusher.connect(`ipc://${address}`));
    await pusher.send(["abstract-at-limit"]);
    await ctx.expectMessage(puller, "message through the abstract address at the limit", ["abstract-at-limit"]);
  },
});
