import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-syntax.spelling-kept-in-last-endpoint",
  clause: "compat.libzmq.last-endpoint-as-bound",
  alsoChecks: ["compat.libzmq.ipc-path-passed-as-written"],
  level: "COMPAT",
  title: "After binding <dir>/./c.sock, <dir>//g.sock and <dir>/link/../e.sock, lastEndpoint is each exactly as spelled",
  requires: ["socket-file", "last-endpoint"],
  async run(ctx) {
    await ctx.files.mkdir(ctx.path("real", "inner"), { recursive: true });
    await ctx.files.symlink(ctx.path("real", "inner"), ctx.path("link"));
    const puller = await ctx.socket(ctx.impl, "PULL");
    for (const spelled of [`${ctx.dir}/./c.sock`, `${ctx.dir}//g.sock`, `${ctx.dir}/link/../e.sock`]) {
      const shown = spelled.replace(ctx.dir, "<dir>");
      await ctx.expectSuccess(`bind ipc://${shown}`, () => puller.bind(`ipc://${spelled}`));
      ctx.check(`lastEndpoint after binding ipc://${shown}`, await puller.lastEndpoint(), `ipc://${spelled}`);
    }
  },
});
