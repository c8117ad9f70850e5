import { scenario } from "../../harness/model/scenario";
import { greeting } from "../zmtp-wire/zmtp-bytes";
import { expectSurvives, strikeWith } from "./attack";
import { Garbage } from "./garbage";
import { Target } from "./target";

const SEED = 0x5eed0002;

export default scenario({
  id: "robustness.garbage-after-greeting",
  suite: "robustness",
  clause: "compat.libzmq.survives-malformed-input",
  alsoChecks: ["compat.libzmq.connection-resources-released"],
  level: "COMPAT",
  title: "Peers that send a valid greeting and then random bytes where READY belongs leave the implementation alive, serving, and back at its baseline",
  timeoutMs: 30_000,
  async run(ctx) {
    const target = await Target.start(ctx);
    const garbage = new Garbage(SEED);
    ctx.observe("garbage seed", SEED);
    await expectSurvives(ctx, target, {
      label: "garbage after the greeting",
      connections: 50,
      concurrency: 5,
      strike: (i) => strikeWith(ctx, target, `garbage peer ${i}`, [greeting(), garbage.bytes(garbage.between(1, 300))]),
    });
  },
});
