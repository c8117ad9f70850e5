import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "isolation.path-socket-across-containers",
  clause: "compat.os.path-socket-shared-volume",
  alsoChecks: ["ipc.transport.description"],
  level: "COMPAT",
  title: "A binder in one container and a connecter in another, sharing only a volume, exchange messages over the path socket",
  roles: "pair",
  needs: ["separate-containers"],
  async run(ctx) {
    const binder = await ctx.inContainer(ctx.binder, "first");
    const connecter = await ctx.inContainer(ctx.connecter, "second");
    ctx.observe("binder runs", `${binder.name} ${binder.version} in the first container`);
    ctx.observe("connecter runs", `${connecter.name} ${connecter.version} in the second container (own network namespace)`);
    // ctx.dir is on the volume both containers mount at the same path.
    const endpoint = ctx.endpoint("shared.sock");
    const bound = await ctx.socket(binder, "PAIR");
    await ctx.expectSuccess("bind on the shared volume (first container)", () => bound.bind(endpoint));
    const connected = await ctx.socket(connecter, "PAIR");
    await ctx.expectSuccess("connect to the same path (second container)", () => connected.connect(endpoint));
    await connected.send(["from-second"]);
    await ctx.expectMessage(bound, "the first container receives the second's message", ["from-second"]);
    await bound.send(["from-first"]);
    await ctx.expectMessage(connected, "the second container receives the first's reply", ["from-first"]);
  },
});
