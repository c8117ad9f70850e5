import type { ScenarioContext } from "../../harness/model/scenario-context";
import { scenario, type Level, type Scenario } from "../../harness/model/scenario";

interface Case {
  readonly shown: string;
  endpoint(ctx: ScenarioContext): string;
}

/**
 * unbind and disconnect of endpoints that cannot be bound or connected at all: refused for what
 * they are, before any lookup (libzmq's term_endpoint parses them first), not as "not bound".
 * The socket has a binding and a connection, so that an implementation looking the string up in
 * a table has something to (not) find.
 */
function refusedOnUnbindAndDisconnect(definition: {
  slug: string;
  title: string;
  clause: string;
  alsoChecks?: string[];
  level: Level;
  codes: string[];
  cases: Case[];
}): Scenario {
  return scenario({
    id: `endpoint-syntax.${definition.slug}`,
    clause: definition.clause,
    ...(definition.alsoChecks !== undefined ? { alsoChecks: definition.alsoChecks } : {}),
    level: definition.level,
    title: definition.title,
    requires: ["unbind"],
    async run(ctx) {
      const socket = await ctx.socket(ctx.impl, "PULL");
      await socket.bind(ctx.endpoint("bound.sock"));
      await socket.connect(ctx.endpoint("connected.sock"));
      for (const c of definition.cases) {
        const endpoint = c.endpoint(ctx);
        await ctx.expectError(`unbind ${c.shown}`, () => socket.unbind(endpoint), definition.codes);
        await ctx.expectError(`disconnect ${c.shown}`, () => socket.disconnect(endpoint), definition.codes);
      }
    },
  });
}

const unbindDisconnectRefusals: readonly Scenario[] = [
  refusedOnUnbindAndDisconnect({
    slug: "unbind-disconnect-malformed-einval",
    title: "unbind and disconnect of an endpoint that is no transport://address (empty, a bare path, ipc:<path>) fail with EINVAL",
    clause: "api.bind.error.einval",
    alsoChecks: ["compat.libzmq.unbind-disconnect-parse-endpoint"],
    level: "MUST",
    codes: ["EINVAL"],
    cases: [
      { shown: '"" (empty endpoint)', endpoint: () => "" },
      { shown: "a bare path with no ipc:// prefix", endpoint: (ctx) => ctx.path("bound.sock") },
      { shown: "ipc:<absolute path> (no // after the colon)", endpoint: (ctx) => `ipc:${ctx.path("bound.sock")}` },
    ],
  }),
  refusedOnUnbindAndDisconnect({
    slug: "unbind-disconnect-unknown-transport-eprotonosupport",
    title: "unbind and disconnect of foo://<path> or unix://<path> (unknown transports) fail with EPROTONOSUPPORT, not ENOENT",
    clause: "compat.libzmq.unbind-disconnect-parse-endpoint",
    alsoChecks: ["api.bind.error.eprotonosupport"],
    level: "COMPAT",
    codes: ["EPROTONOSUPPORT"],
    cases: [
      { shown: "foo://<dir>/bound.sock", endpoint: (ctx) => `foo://${ctx.path("bound.sock")}` },
      { shown: "unix://<dir>/connected.sock", endpoint: (ctx) => `unix://${ctx.path("connected.sock")}` },
    ],
  }),
];

export default unbindDisconnectRefusals;
