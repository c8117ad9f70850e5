import type { ScenarioContext } from "../../harness/model/scenario-context";
import type { PlatformName } from "../../harness/model/platform-limits";
import { scenario, type Scenario } from "../../harness/model/scenario";

/**
 * A spelling of a path that the kernel refuses to bind (a trailing `/`, a `..` after a missing
 * directory, ...) while the same path normalised by hand would bind: libzmq hands the path to
 * bind(2) as written (compat.libzmq.ipc-path-passed-as-written), so an implementation that trims
 * or normalises it binds a different path than the one it was asked for.
 */
export interface RefusedSpelling {
  /** `endpoint-syntax.<slug>-refused` and `endpoint-syntax.<slug>-<errno>` for each errno. */
  readonly slug: string;
  /** How the spelling reads in a title: "a path ending in /". */
  readonly what: string;
  /** The MUST clause a successful bind breaks. */
  readonly clause: string;
  /**
   * bind(2)'s errno for it, as libzmq passes it through, on each kernel whose answer is known
   * (Linux: path_resolution(7); FreeBSD: namei(9), seen in a 13.2 guest): one scenario per errno,
   * run on the kernels that give it.
   */
  readonly errnos: Readonly<Partial<Record<PlatformName, string>>>;
  /** Makes what the spelling goes through (a regular file, ...) in ctx.dir. */
  prepare?(ctx: ScenarioContext): Promise<void>;
  /** The path as spelled (absolute, inside ctx.dir). */
  spelled(ctx: ScenarioContext): string;
  /** Where a trimming or normalising implementation would bind instead: it must be left as it was. */
  normalised(ctx: ScenarioContext): string;
  /** Another socket binds `normalised` first: it must keep the path (the refused bind overrides nothing). */
  readonly boundBefore?: boolean;
}

/**
 * Two scenarios per spelling: the bind is refused and changes nothing (MUST: the endpoint is the
 * pathname to create, and this one cannot be created), and the refusal carries bind(2)'s errno
 * (COMPAT: what libzmq reports).
 */
export function refusedSpellingScenarios(definition: RefusedSpelling): Scenario[] {
  const setUp = async (ctx: ScenarioContext) => {
    await definition.prepare?.(ctx);
    const first = definition.boundBefore === true ? await ctx.socket(ctx.impl, "PULL") : undefined;
    if (first !== undefined) await first.bind(`ipc://${definition.normalised(ctx)}`);
    return { first, spelled: definition.spelled(ctx), normalised: definition.normalised(ctx) };
  };
  const shown = (ctx: ScenarioContext, path: string) => path.replace(ctx.dir, "<dir>");

  const refused = scenario({
    id: `endpoint-syntax.${definition.slug}-refused`,
    clause: definition.clause,
    alsoChecks: ["compat.libzmq.ipc-path-passed-as-written"],
    level: "MUST",
    title: `Binding ${definition.what} fails and binds nothing at the path with the spelling normalised away${definition.boundBefore === true ? " (whose binder keeps it)" : ""}`,
    requires: ["socket-file"],
    async run(ctx) {
      const { first, spelled, normalised } = await setUp(ctx);
      const before = await ctx.files.kind(normalised);
      const binder = await ctx.socket(ctx.impl, "PULL");
      const bind = await ctx.attempt(() => binder.bind(`ipc://${spelled}`));
      ctx.observe("bind", bind.ok ? "success" : bind.code);
      ctx.check(`bind ipc://${shown(ctx, spelled)}`, bind.ok ? "success" : "refused", "refused");
      ctx.check(`what is at ${shown(ctx, normalised)} after the refused bind`, await ctx.files.kind(normalised), before);
      if (first === undefined) return;
      const pusher = await ctx.socket(ctx.impl, "PUSH");
      await pusher.connect(`ipc://${normalised}`);
      await pusher.send(["to-the-first-binder"]);
      await ctx.expectMessage(first, `a new peer of ${shown(ctx, normalised)} reaches the socket that bound it first`, ["to-the-first-binder"]);
    },
  });

  const byErrno = new Map<string, PlatformName[]>();
  for (const [platform, errno] of Object.entries(definition.errnos) as [PlatformName, string][]) {
    byErrno.set(errno, [...(byErrno.get(errno) ?? []), platform]);
  }
  const errnos = [...byErrno].map(([errno, platforms]) =>
    scenario({
      id: `endpoint-syntax.${definition.slug}-${errno.toLowerCase()}`,
      clause: "compat.libzmq.ipc-path-passed-as-written",
      level: "COMPAT",
      title: `Binding ${definition.what} fails with ${errno}, the errno bind(2) gives for it on ${platforms.join(" and ")}`,
      platforms,
      requires: ["socket-file"],
      async run(ctx) {
        const { spelled } = await setUp(ctx);
        const binder = await ctx.socket(ctx.impl, "PULL");
        await ctx.expectError(`bind ipc://${shown(ctx, spelled)}`, () => binder.bind(`ipc://${spelled}`), [errno]);
      },
    }),
  );

  return [refused, ...errnos];
}

const regularFile = (ctx: ScenarioContext) => ctx.files.writeFile(ctx.path("file"), "kept");

export const REFUSED_SPELLINGS: readonly RefusedSpelling[] = [
  {
    slug: "trailing-slash",
    what: "a path ending in / (a new name)",
    clause: "ipc.bind.pathname",
    errnos: { linux: "ENOENT", freebsd: "ENOENT" },
    spelled: (ctx) => `${ctx.path("a.sock")}/`,
    normalised: (ctx) => ctx.path("a.sock"),
  },
  {
    slug: "trailing-slash-on-bound-path",
    what: "a bound path with a / appended",
    clause: "ipc.bind.pathname",
    // FreeBSD's lookup refuses a trailing / after a name that is not a directory (ENOTDIR) before
    // bind(2) sees that the name is taken; Linux's bind(2) finds it taken (EADDRINUSE).
    errnos: { linux: "EADDRINUSE", freebsd: "ENOTDIR" },
    boundBefore: true,
    spelled: (ctx) => `${ctx.path("bound.sock")}/`,
    normalised: (ctx) => ctx.path("bound.sock"),
  },
  {
    slug: "trailing-dot",
    what: "a path ending in /. (a new name)",
    clause: "ipc.bind.pathname",
    errnos: { linux: "ENOENT", freebsd: "ENOENT" },
    spelled: (ctx) => `${ctx.path("b.sock")}/.`,
    normalised: (ctx) => ctx.path("b.sock"),
  },
  {
    slug: "dot-dot-after-missing-directory",
    what: "a path whose .. follows a directory that does not exist",
    clause: "ipc.bind.missing-directory",
    errnos: { linux: "ENOENT", freebsd: "ENOENT" },
    spelled: (ctx) => `${ctx.dir}/missing/../d.sock`,
    normalised: (ctx) => ctx.path("d.sock"),
  },
  {
    slug: "dot-dot-after-regular-file",
    what: "a path whose .. follows a regular file",
    clause: "ipc.bind.pathname",
    errnos: { linux: "ENOTDIR", freebsd: "ENOTDIR" },
    prepare: regularFile,
    spelled: (ctx) => `${ctx.dir}/file/../f.sock`,
    normalised: (ctx) => ctx.path("f.sock"),
  },
  {
    slug: "under-regular-file",
    what: "a path under a regular file",
    clause: "ipc.bind.missing-directory",
    errnos: { linux: "ENOTDIR", freebsd: "ENOTDIR" },
    prepare: regularFile,
    spelled: (ctx) => `${ctx.dir}/file/h.sock`,
    normalised: (ctx) => ctx.path("file"),
  },
];

const refusedSpellings: readonly Scenario[] = REFUSED_SPELLINGS.flatMap(refusedSpellingScenarios);

export default refusedSpellings;
