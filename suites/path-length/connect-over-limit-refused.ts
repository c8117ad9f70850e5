import { scenario } from "../../harness/model/scenario";
import { pathInLongDirectories, pathWithLongName } from "./support";

export default scenario({
  id: "path-length.connect-over-limit-refused",
  clause: "compat.libzmq.path-length-bytes",
  level: "COMPAT",
  title: "Connecting to a path over the maximum length fails with ENAMETOOLONG at the connect call",
  async run(ctx) {
    const oneOver = pathWithLongName(ctx, ctx.platform.maxPathBytes + 1);
    const farBeyond = await pathInLongDirectories(ctx, 500, "far.sock");
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    // libzmq resolves the address inside zmq_connect(), so the call itself fails; an
    // implementation that accepts the call and only fails to connect later never reports it.
    const first = await ctx.attempt(() => pusher.connect(`ipc://${oneOver}`));
    ctx.observe("connect to the path one byte over", first.ok ? "accepted by connect(): no error reported at the call" : `refused by connect(): ${first.code}`);
    ctx.check(`connect to a ${ctx.platform.maxPathBytes + 1}-byte path`, first.ok ? "success" : first.code, "ENAMETOOLONG", "error ENAMETOOLONG");
    await ctx.expectError("connect to a 500-byte path", () => pusher.connect(`ipc://${farBeyond}`), ["ENAMETOOLONG"]);
  },
});
