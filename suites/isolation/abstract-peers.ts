import type { TestSocket } from "../../harness/model/implementation";
import type { Site } from "../../harness/model/sites";
import type { ScenarioContext } from "../../harness/model/scenario-context";
import { abstractName } from "../abstract-namespace/names";

/**
 * A PULL bound to a fresh abstract name by the binder in the first container, and a PUSH of the
 * connecter started at `site` connected to it (the connect is deferred: an unreachable name is
 * not an error). Both implementations must have abstract names where they run.
 */
export async function abstractPeers(ctx: ScenarioContext, site: Site, what: string): Promise<{ puller: TestSocket; pusher: TestSocket }> {
  const binder = await ctx.inContainer(ctx.binder, "first");
  const connecter = await ctx.inContainer(ctx.connecter, site);
  ctx.requires("abstract-namespace", binder);
  ctx.requires("abstract-namespace", connecter);
  const endpoint = `ipc://@${abstractName(ctx, what)}`;
  const puller = await ctx.socket(binder, "PULL");
  await ctx.expectSuccess("bind an abstract name in the first container", () => puller.bind(endpoint));
  const pusher = await ctx.socket(connecter, "PUSH");
  await ctx.expectSuccess(`connect to the same abstract name from the ${site} container`, () => pusher.connect(endpoint));
  return { puller, pusher };
}
