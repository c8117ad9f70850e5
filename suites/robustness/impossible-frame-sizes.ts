import { scenario } from "../../harness/model/scenario";
import { expectSurvives, strikeWith } from "./attack";
import { Target } from "./target";
import { longHeader } from "./wire";

/** Declared sizes no peer will ever deliver: past the 2^63-1 maximum, at it, and merely enormous. */
const SIZES: readonly bigint[] = [2n ** 64n - 1n, 2n ** 63n, 2n ** 63n - 1n, 2n ** 62n, 2n ** 40n, 2n ** 32n, 2n ** 31n];

/** Peak resident memory the process may gain over the whole attack: a buffer for a declared size would be gigabytes. */
const PEAK_GROWTH_ALLOWANCE_KIB = 64 * 1024;

export default scenario({
  id: "robustness.impossible-frame-sizes",
  clause: "compat.libzmq.survives-malformed-input",
  alsoChecks: ["compat.libzmq.connection-resources-released", "zmtp.frame.long-body"],
  level: "COMPAT",
  needs: ["harness-machine"],
  title:
    "Frames and commands declaring 2^31 to 2^64-1 octets, followed by a few, allocate nothing near that size and leave the implementation alive, serving, and back at its baseline",
  timeoutMs: 30_000,
  async run(ctx) {
    const target = await Target.start(ctx);
    await expectSurvives(ctx, target, {
      label: "impossible frame sizes",
      connections: SIZES.length * 2 * 2,
      concurrency: 4,
      strike: (i) => {
        const size = SIZES[i % SIZES.length];
        const command = Math.floor(i / SIZES.length) % 2 === 1;
        return strikeWith(
          ctx,
          target,
          `peer declaring a ${command ? "command" : "frame"} of ${size} octets`,
          [longHeader(size, command), Buffer.alloc(16, 0x61)],
          { afterHandshake: true },
        );
      },
    });
    const baseline = target.baseline;
    const now = target.usage();
    if (baseline !== null && now !== null) {
      ctx.check(
        `peak resident memory gained over the attack (KiB; VmHWM ${baseline.peakKiB} KiB at the baseline)`,
        now.peakKiB - baseline.peakKiB,
        (growth) => growth <= PEAK_GROWTH_ALLOWANCE_KIB,
        `at most ${PEAK_GROWTH_ALLOWANCE_KIB} KiB`,
      );
    }
  },
});
