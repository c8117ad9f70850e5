import { scenario } from "../../harness/model/scenario";
import { abstractPeers } from "./abstract-peers";

export default scenario({
  id: "isolation.abstract-stays-in-network-namespace",
  clause: "compat.os.abstract-per-network-namespace",
  alsoChecks: ["ipc.bind.abstract"],
  level: "COMPAT",
  title: "An abstract name bound in one container is not reachable from a container with its own network namespace",
  roles: "pair",
  platforms: ["linux"],
  needs: ["separate-containers"],
  async run(ctx) {
    const { puller, pusher } = await abstractPeers(ctx, "second", "isolated");
    await pusher.send(["across-namespaces"]);
    await ctx.expectSilence(puller, "nothing crosses into the first container's network namespace");
  },
});
