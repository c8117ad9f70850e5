import { scenario } from "../../harness/model/scenario";
import { abstractPeers } from "./abstract-peers";

export default scenario({
  id: "isolation.abstract-shared-network-namespace",
  clause: "compat.os.abstract-per-network-namespace",
  alsoChecks: ["ipc.bind.abstract"],
  level: "COMPAT",
  title: "Two containers sharing one network namespace (and no volume path) reach each other through an abstract name",
  roles: "pair",
  platforms: ["linux"],
  needs: ["separate-containers"],
  async run(ctx) {
    const { puller, pusher } = await abstractPeers(ctx, "beside-first", "shared-netns");
    await pusher.send(["same-namespace"]);
    await ctx.expectMessage(puller, "the message arrives through the shared network namespace", ["same-namespace"]);
  },
});
