import { scenario } from "../../harness/model/scenario";
import { abstractAddressOfBytes, bytes } from "./support";

export default scenario({
  id: "path-length.abstract-over-limit-refused",
  clause: "compat.libzmq.path-length-bytes",
  level: "COMPAT",
  title: "Binding an abstract address (@ + name) one byte over the maximum length fails with ENAMETOOLONG",
  platforms: ["linux"],
  requires: ["abstract-namespace"],
  async run(ctx) {
    const address = abstractAddressOfBytes(ctx.platform.maxPathBytes + 1);
    ctx.observe("address bytes", bytes(address));
    const puller = await ctx.socket(ctx.impl, "PULL");
    await ctx.expectError(`bind an abstract address of ${bytes(address)} bytes`, () => puller.bind(`ipc://${address}`), ["ENAMETOOLONG"]);
  },
});
