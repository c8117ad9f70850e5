import { scenario } from "../../harness/model/scenario";

/** Spellings of <dir>/g.sock that the kernel does not resolve to it; trimmed or normalised, each would. */
const SPELLINGS: ReadonlyArray<[string, (dir: string) => string]> = [
  ["<dir>/g.sock/", (dir) => `${dir}/g.sock/`],
  ["<dir>/g.sock/.", (dir) => `${dir}/g.sock/.`],
  ["<dir>/missing/../g.sock", (dir) => `${dir}/missing/../g.sock`],
];

export default scenario({
  id: "endpoint-syntax.connect-spellings-reach-no-one",
  clause: "ipc.connect.pathname",
  alsoChecks: ["compat.libzmq.ipc-path-passed-as-written"],
  level: "MUST",
  title: "Peers connecting to <path>/, <path>/. or <dir>/missing/../<name> never reach the socket bound at <path>",
  requires: ["socket-file"],
  async run(ctx) {
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(ctx.endpoint("g.sock"));
    for (const [shown, spell] of SPELLINGS) {
      const pusher = await ctx.socket(ctx.impl, "PUSH", { reconnectInterval: 10 });
      // Refusing the connect at once is as good as never connecting: only a delivery is wrong.
      const connect = await ctx.attempt(() => pusher.connect(`ipc://${spell(ctx.dir)}`));
      ctx.observe(`connect ipc://${shown}`, connect.ok ? "success" : connect.code);
      if (connect.ok) await pusher.send([`via ${shown}`]);
    }
    const control = await ctx.socket(ctx.impl, "PUSH");
    await control.connect(ctx.endpoint("g.sock"));
    await control.send(["via <dir>/g.sock"]);
    await ctx.expectMessage(puller, "the first message at the binder: the one through its own path", ["via <dir>/g.sock"]);
    await ctx.expectSilence(puller, "anything from the peers that spelled the path differently");
  },
});
