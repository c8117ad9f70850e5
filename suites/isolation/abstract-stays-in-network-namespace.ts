import { scenario } from "../../harness/model/scenario";
import { abstractName } from "../abstract-namespace/names";

export default scenario({
  id: "isolation.abstract-stays-in-network-namespace",
  suite: "isolation",
  clause: "compat.os.abstract-per-network-namespace",
  alsoChecks: ["ipc.bind.abstract"],
  level: "COMPAT",
  title: "An abstract name bound in one container is not reachable from a container with its own network namespace",
  roles: "pair",
  platforms: ["linux"],
  needs: ["separate-containers"],
  async run(ctx) {
    const binder = await ctx.inContainer(ctx.binder, "first");
    const connecter = await ctx.inContainer(ctx.connecter, "second");
    ctx.requires("abstract-namespace", binder);
    ctx.requires("abstract-namespace", connecter);
    const endpoint = `ipc://@${abstractName(ctx, "isolated")}`;
    const puller = await ctx.socket(binder, "PULL");
    await ctx.expectSuccess("bind an abstract name in the first container", () => puller.bind(endpoint));
    const pusher = await ctx.socket(connecter, "PUSH");
    // The connect is deferred (no peer yet is not an error); what matters is that nothing arrives.
    await ctx.expectSuccess("connect to the same abstract name from the second container", () => pusher.connect(endpoint));
    await pusher.send(["across-namespaces"]);
    await ctx.expectSilence(puller, "nothing crosses into the first container's network namespace");
  },
});
