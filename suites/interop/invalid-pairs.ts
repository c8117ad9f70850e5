import type { SocketType } from "../../harness/model/implementation";
import { scenario, type Scenario } from "../../harness/model/scenario";
import { connectAnother, connectPair } from "./helpers";

interface InvalidPair {
  /** What binds and receives. */
  readonly binder: SocketType;
  /** The illegal peer, which connects first and sends. */
  readonly intruder: SocketType;
  /** What it sends, and what the binder would receive if the pair were let through. */
  readonly intruderSends: string[];
  /** A legal peer of the binder, connected afterwards: its message shows the binder works. */
  readonly legal: SocketType;
  readonly legalSends: string[];
  readonly binderReceives: string[];
}

/**
 * An illegal peer connects to the binder and sends; then a legal peer does. The legal peer's
 * message must be what arrives, and nothing of the illegal peer's may follow.
 */
function invalidPairScenario(pair: InvalidPair): Scenario {
  const intruder = pair.intruder.toLowerCase();
  const binder = pair.binder.toLowerCase();
  const needsReqRep = [pair.binder, pair.intruder, pair.legal].some((type) => ["REQ", "REP", "DEALER", "ROUTER"].includes(type));
  return scenario({
    id: `interop.rejects-${intruder}-to-${binder}`,
    clause: "zmtp.socket-type.enforce",
    level: "SHOULD",
    title: `A ${pair.intruder} (not a legal peer of ${pair.binder}) gets nothing delivered to a ${pair.binder}`,
    roles: "pair",
    ...(needsReqRep ? { requires: ["reqrep"] as const } : {}),
    async run(ctx) {
      // sendTimeout 0: whether the illegal peer's send is queued or refused is not this
      // scenario's concern, only that it must not wait for a peer that will never take it.
      const { bound, connected } = await connectPair(ctx, pair.binder, pair.intruder, { connecter: { sendTimeout: 0 } });
      const sent = await ctx.attempt(() => connected.send(pair.intruderSends));
      ctx.observe(`${pair.intruder} send`, sent.ok ? "accepted" : sent.code);
      const legal = await connectAnother(ctx, pair.legal);
      await legal.send(pair.legalSends);
      await ctx.expectMessage(
        bound,
        `the ${pair.binder} receives its legal ${pair.legal} peer's message (and nothing from the ${pair.intruder} before it)`,
        pair.binderReceives,
      );
      await ctx.expectSilence(bound, `nothing from the ${pair.intruder} peer reaches the ${pair.binder}`);
    },
  });
}

const invalidPairScenarios: readonly Scenario[] = [
  invalidPairScenario({
    binder: "PAIR",
    intruder: "PUSH",
    intruderSends: ["from-push"],
    legal: "PAIR",
    legalSends: ["from-pair"],
    binderReceives: ["from-pair"],
  }),
  invalidPairScenario({
    binder: "DEALER",
    intruder: "REQ",
    intruderSends: ["from-req"],
    legal: "DEALER",
    legalSends: ["from-dealer"],
    binderReceives: ["from-dealer"],
  }),
  invalidPairScenario({
    binder: "PULL",
    intruder: "DEALER",
    intruderSends: ["from-dealer"],
    legal: "PUSH",
    legalSends: ["from-push"],
    binderReceives: ["from-push"],
  }),
];

export default invalidPairScenarios;
