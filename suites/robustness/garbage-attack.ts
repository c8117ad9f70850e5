import { scenario, type Scenario } from "../../harness/model/scenario";
import { expectSurvives, strikeWith } from "./attack";
import { Garbage } from "./garbage";
import { Target } from "./target";

export interface GarbageAttack {
  readonly id: string;
  readonly title: string;
  /** The generator's seed: the same bytes on every run, and in the report. */
  readonly seed: number;
  /** How the report names the attack: "garbage after the greeting". */
  readonly label: string;
  /** The longest garbage one connection sends. */
  readonly maxLength: number;
  /** Valid bytes sent before the garbage (a greeting, say). */
  readonly lead?: Buffer;
  /** Complete the handshake before the garbage. */
  readonly afterHandshake?: boolean;
}

/** The three garbage scenarios differ only in where the garbage starts: one definition serves them. */
export function garbageScenario(attack: GarbageAttack): Scenario {
  return scenario({
    id: attack.id,
    clause: "compat.libzmq.survives-malformed-input",
    alsoChecks: ["compat.libzmq.connection-resources-released"],
    level: "COMPAT",
    needs: ["harness-machine"],
    title: attack.title,
    timeoutMs: 30_000,
    async run(ctx) {
      const target = await Target.start(ctx);
      const garbage = new Garbage(attack.seed);
      ctx.observe("garbage seed", attack.seed);
      await expectSurvives(ctx, target, {
        label: attack.label,
        connections: 50,
        concurrency: 5,
        strike: (i) => {
          const bytes = garbage.bytes(garbage.between(1, attack.maxLength));
          return strikeWith(ctx, target, `garbage peer ${i}`, attack.lead === undefined ? bytes : [attack.lead, bytes], {
            afterHandshake: attack.afterHandshake,
          });
        },
      });
    },
  });
}
