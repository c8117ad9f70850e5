import type { PlatformName } from "../../harness/model/platform-limits";
import type { ScenarioContext } from "../../harness/model/scenario-context";
import { scenario, type Level, type Scenario } from "../../harness/model/scenario";

/** One malformed endpoint that bind and connect must both refuse. */
export interface RefusedEndpointCase {
  /** The part of the id after `endpoint-syntax.`: what the case checks, in kebab case. */
  readonly slug: string;
  readonly title: string;
  readonly clause: string;
  readonly level: Level;
  readonly platforms?: readonly PlatformName[];
  /** How the endpoint reads in a check's name, e.g. `ipc:// (empty address)`. */
  readonly shown: string;
  /**
   * The endpoint, built inside the scenario's directory (which is also the working directory
   * while it runs), so that any file an implementation wrongly creates for it is seen.
   */
  endpoint(ctx: ScenarioContext): string;
  /** The errno names that count as the right refusal. */
  readonly codes: readonly string[];
}

/**
 * A scenario that binds one socket and connects another to the same malformed endpoint, and
 * expects both calls to be refused with one of the case's errno names and nothing to be left in
 * the scenario's directory.
 */
export function refusedEndpoint(definition: RefusedEndpointCase): Scenario {
  return scenario({
    id: `endpoint-syntax.${definition.slug}`,
    exclusive: true,
    clause: definition.clause,
    level: definition.level,
    title: definition.title,
    ...(definition.platforms !== undefined ? { platforms: definition.platforms } : {}),
    async run(ctx) {
      // Process-global: relative readings of the endpoint land in ctx.dir, where the disk check
      // looks. Scenarios run one at a time; the working directory is restored afterwards (the
      // runner closes the sockets before it runs deferred cleanups).
      await ctx.chdir(ctx.dir);

      const endpoint = definition.endpoint(ctx);
      ctx.observe("endpoint", JSON.stringify(endpoint));
      const binder = await ctx.socket(ctx.impl, "PULL", { linger: 0 });
      const bind = await ctx.attempt(() => binder.bind(endpoint));
      const connecter = await ctx.socket(ctx.impl, "PUSH", { linger: 0 });
      const connect = await ctx.attempt(() => connecter.connect(endpoint));
      const left = await ctx.files.list(ctx.dir);
      ctx.observe("bind", bind.ok ? "success" : bind.code);
      ctx.observe("connect", connect.ok ? "success" : connect.code);
      ctx.observe("files left", left);

      const refusal = `error ${definition.codes.join(" or ")}`;
      const isRefusal = (value: string) => definition.codes.includes(value);
      ctx.check(`bind to ${definition.shown}`, bind.ok ? "success" : bind.code, isRefusal, refusal);
      ctx.check(`connect to ${definition.shown}`, connect.ok ? "success" : connect.code, isRefusal, refusal);
      ctx.check(
        `files left in the scenario directory by the refused bind and connect`,
        left.length === 0 ? "none" : left.map((name) => JSON.stringify(name)).join(", "),
        "none",
      );
    },
  });
}
