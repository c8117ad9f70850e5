import { scenario } from "../../harness/model/scenario";
import { greeting, message, ready, zmtp2Greeting } from "../raw-zmtp/zmtp-bytes";
import { expectSurvives, strikeWith } from "./attack";
import { Target } from "./target";

/** Openings of other ZMTP versions, each followed by some traffic in that version's framing (or ours). */
const OPENINGS: ReadonlyArray<{ name: string; bytes: Buffer }> = [
  // ZMTP 1.0 has no signature: a length-prefixed identity frame, then length-prefixed frames.
  { name: "ZMTP 1.0", bytes: Buffer.from([0x01, 0x00, 0x06, 0x00, 0x76, 0x31, 0x2d, 0x6d, 0x73]) },
  { name: "ZMTP 2.0", bytes: Buffer.concat([zmtp2Greeting("PUSH"), Buffer.from([0x00, 0x05]), Buffer.from("v2-ms")]) },
  { name: "ZMTP 3.0", bytes: Buffer.concat([greeting({ minor: 0 }), ready("PUSH"), message(["v30"])]) },
  { name: "ZMTP 4.0", bytes: Buffer.concat([greeting({ major: 4, minor: 0 }), ready("PUSH"), message(["v40"])]) },
  { name: "ZMTP 255.255", bytes: Buffer.concat([greeting({ major: 255, minor: 255 }), ready("PUSH"), message(["v255"])]) },
  { name: "ZMTP 0.0", bytes: Buffer.concat([greeting({ major: 0, minor: 0 }), Buffer.from([0, 1, 0x61])]) },
];

export default scenario({
  id: "robustness.other-protocol-versions",
  clause: "compat.libzmq.survives-malformed-input",
  alsoChecks: ["compat.libzmq.connection-resources-released", "zmtp.version.accept-higher"],
  level: "COMPAT",
  needs: ["harness-machine"],
  title:
    "Peers speaking ZMTP 1.0, 2.0, 3.0, 4.0, 255.255 and 0.0, dropped after their first traffic, leave the implementation alive, serving, and back at its baseline",
  timeoutMs: 30_000,
  async run(ctx) {
    const target = await Target.start(ctx);
    await expectSurvives(ctx, target, {
      label: "peers of other protocol versions",
      connections: OPENINGS.length * 5,
      concurrency: 3,
      // What each version's messages become is for the zmtp-wire suite; here what is left counts.
      strike: (i) => strikeWith(ctx, target, `${OPENINGS[i % OPENINGS.length].name} peer ${i}`, OPENINGS[i % OPENINGS.length].bytes),
    });
  },
});
