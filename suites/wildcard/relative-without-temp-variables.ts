import * as path from "node:path";
import { scenario } from "../../harness/model/scenario";
import { bindWildcard, setTempVariables, settle } from "./support";

export default scenario({
  id: "wildcard.relative-without-temp-variables",
  exclusive: true,
  clause: "compat.libzmq.wildcard-tmpdir-precedence",
  level: "COMPAT",
  title: "With none of TMPDIR, TEMPDIR, TMP set, ipc://* binds the relative tmpXXXXXX/socket in the working directory",
  requires: ["wildcard", "last-endpoint", "socket-file"],
  async run(ctx) {
    // Process-global: the environment and the working directory, both restored via ctx.defer
    // (after the sockets are closed, so a relative path is resolved where it was created).
    await setTempVariables(ctx, { TMPDIR: null, TEMPDIR: null, TMP: null });
    await ctx.chdir(ctx.dir);
    const puller = await ctx.socket(ctx.impl, "PULL");
    const { endpoint } = await bindWildcard(ctx, puller);
    ctx.observe("lastEndpoint", endpoint);
    ctx.check(
      "ZMQ_LAST_ENDPOINT with no temporary-directory variable set",
      endpoint,
      (value) => /^ipc:\/\/tmp[A-Za-z0-9]{6}\/socket$/.test(value),
      "ipc://tmpXXXXXX/socket (relative)",
    );
    const generated = path.join(ctx.dir, endpoint.slice("ipc://".length));
    ctx.check("what is at tmpXXXXXX/socket in the working directory", await ctx.files.kind(generated), "socket");
    const pusher = await ctx.socket(ctx.impl, "PUSH");
    await pusher.connect(endpoint);
    await pusher.send(["relative"]);
    await ctx.expectMessage(puller, "message through the relative generated path", ["relative"]);
    // Let the implementation remove what it made while the working directory is still ctx.dir
    // (libzmq does it on its I/O thread after close returns); cleanup is checked elsewhere.
    await pusher.close();
    await puller.close();
    await settle(ctx, async () => (await ctx.files.kind(path.dirname(generated))) === "absent", 500);
  },
});
