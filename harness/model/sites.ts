import type { ProcessImplementation } from "./implementation";

/**
 * Where a "separate-containers" scenario can put an implementation: two containers of one image
 * that share a volume but each have their own network namespace, and a third that shares the
 * first one's network namespace (`--network container:<first>`).
 */
export type Site = "first" | "second" | "beside-first";

export const SITES: readonly Site[] = ["first", "second", "beside-first"];

/** Containers a scenario can start implementations in; the scenario's directory is on their shared volume. */
export interface ContainerSites {
  /** The container platform's id ("linux-debian12"). */
  readonly platformId: string;
  /** A host directory mounted at the same path in every container: scenario directories go there. */
  readonly sharedDir: string;
  /** Implementation `implementationId` in a driver process inside the container at `site`. */
  start(implementationId: string, site: Site): Promise<ProcessImplementation>;
}
