import { scenario } from "../../harness/model/scenario";
import { greeting } from "../raw-zmtp/zmtp-bytes";
import { expectSurvives, strikeWith } from "./attack";
import { Target } from "./target";

/** Mechanisms a NULL socket must refuse: real ones it is not configured for, near misses, and junk. */
const MECHANISMS = ["PLAIN", "CURVE", "GSSAPI", "NUL", "null", "NULL\u0001", "\u00ff\u00fe\u0000NULL", "XXXXXXXXXXXXXXXXXXXX"];

export default scenario({
  id: "robustness.wrong-mechanism",
  clause: "zmtp.mechanism.mismatch-close",
  alsoChecks: ["compat.libzmq.survives-malformed-input", "compat.libzmq.connection-resources-released"],
  level: "MUST",
  needs: ["harness-machine"],
  title:
    "Every peer whose greeting names another mechanism than NULL gets its connection closed, over and over, and the implementation ends back at its baseline",
  timeoutMs: 30_000,
  async run(ctx) {
    const target = await Target.start(ctx);
    ctx.observe("mechanisms sent", MECHANISMS);
    await expectSurvives(ctx, target, {
      label: "greetings with a wrong mechanism",
      connections: MECHANISMS.length * 4,
      concurrency: 4,
      strike: (i) => {
        const mechanism = MECHANISMS[i % MECHANISMS.length];
        return strikeWith(ctx, target, `peer with mechanism ${JSON.stringify(mechanism)}`, greeting({ mechanism }), { mustClose: true });
      },
    });
  },
});
