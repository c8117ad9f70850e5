import { scenario } from "../../harness/model/scenario";
import { expectSurvives, strikeWith } from "./attack";
import { Garbage } from "./garbage";
import { Target } from "./target";

const SEED = 0x5eed0001;

export default scenario({
  id: "robustness.garbage-instead-of-greeting",
  suite: "robustness",
  clause: "compat.libzmq.survives-malformed-input",
  alsoChecks: ["compat.libzmq.connection-resources-released"],
  level: "COMPAT",
  title: "Peers that send random bytes instead of a greeting leave the implementation alive, serving, and with its descriptors and memory back at their baseline",
  timeoutMs: 30_000,
  async run(ctx) {
    const target = await Target.start(ctx);
    const garbage = new Garbage(SEED);
    ctx.observe("garbage seed", SEED);
    await expectSurvives(ctx, target, {
      label: "garbage instead of a greeting",
      connections: 50,
      concurrency: 5,
      // Any first byte: 0xFF starts a ZMTP 3 signature, anything else looks like a ZMTP 1.0 length to libzmq.
      strike: (i) => strikeWith(ctx, target, `garbage peer ${i}`, garbage.bytes(garbage.between(1, 200))),
    });
  },
});
