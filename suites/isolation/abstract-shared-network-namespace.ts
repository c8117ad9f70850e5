import { scenario } from "../../harness/model/scenario";
import { abstractName } from "../abstract-namespace/names";

export default scenario({
  id: "isolation.abstract-shared-network-namespace",
  suite: "isolation",
  clause: "compat.os.abstract-per-network-namespace",
  alsoChecks: ["ipc.bind.abstract"],
  level: "COMPAT",
  title: "Two containers sharing one network namespace (and no volume path) reach each other through an abstract name",
  roles: "pair",
  platforms: ["linux"],
  needs: ["separate-containers"],
  async run(ctx) {
    const binder = await ctx.inContainer(ctx.binder, "first");
    const connecter = await ctx.inContainer(ctx.connecter, "beside-first");
    ctx.requires("abstract-namespace", binder);
    ctx.requires("abstract-namespace", connecter);
    const endpoint = `ipc://@${abstractName(ctx, "shared-netns")}`;
    const puller = await ctx.socket(binder, "PULL");
    await ctx.expectSuccess("bind an abstract name in the first container", () => puller.bind(endpoint));
    const pusher = await ctx.socket(connecter, "PUSH");
    await ctx.expectSuccess("connect from the container sharing its network namespace", () => pusher.connect(endpoint));
    await pusher.send(["same-namespace"]);
    await ctx.expectMessage(puller, "the message arrives through the shared network namespace", ["same-namespace"]);
  },
});
