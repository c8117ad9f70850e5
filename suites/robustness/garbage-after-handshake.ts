import { scenario } from "../../harness/model/scenario";
import { expectSurvives, strikeWith } from "./attack";
import { Garbage } from "./garbage";
import { Target } from "./target";

const SEED = 0x5eed0003;

export default scenario({
  id: "robustness.garbage-after-handshake",
  suite: "robustness",
  clause: "compat.libzmq.survives-malformed-input",
  alsoChecks: ["compat.libzmq.connection-resources-released"],
  level: "COMPAT",
  title: "Peers that complete the handshake and then send random bytes as traffic leave the implementation alive, serving, and back at its baseline",
  timeoutMs: 30_000,
  async run(ctx) {
    const target = await Target.start(ctx);
    const garbage = new Garbage(SEED);
    ctx.observe("garbage seed", SEED);
    await expectSurvives(ctx, target, {
      label: "garbage after the handshake",
      connections: 50,
      concurrency: 5,
      // Random traffic can decode as messages: the well-behaved peer's check reads past them.
      strike: (i) => strikeWith(ctx, target, `garbage peer ${i}`, garbage.bytes(garbage.between(1, 300)), { afterHandshake: true }),
    });
  },
});
