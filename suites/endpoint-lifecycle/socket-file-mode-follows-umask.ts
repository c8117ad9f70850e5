import { scenario } from "../../harness/model/scenario";

/** Group may not write, others nothing: distinguishes honouring it (0750) from chmod-ing the file open (0777) or a default umask (0755). */
const UMASK = 0o027;

export default scenario({
  id: "endpoint-lifecycle.socket-file-mode-follows-umask",
  exclusive: true,
  clause: "compat.os.socket-file-mode-umask",
  level: "COMPAT",
  needs: ["harness-machine"],
  title: "The socket file a bind creates has every permission the process umask leaves (0750 under umask 027): the implementation never opens it wider",
  requires: ["socket-file", "child-process"],
  async run(ctx) {
    // The implementation binds in a process started under the umask (a driver's own process
    // would keep the umask it started with).
    ctx.setUmask(UMASK);
    const child = await ctx.spawn(ctx.impl);
    const binder = await ctx.socket(child, "PULL");
    await binder.bind(ctx.endpoint("masked.sock"));
    const file = ctx.path("masked.sock");
    ctx.check("what is at the bound path", await ctx.files.kind(file), "socket");
    const mode = `0${((await ctx.files.mode(file)) & 0o777).toString(8)}`;
    ctx.observe("umask of the binding process", `0${UMASK.toString(8)}`);
    ctx.check("permission bits of the socket file", mode, `0${(0o777 & ~UMASK).toString(8)}`);
  },
});
