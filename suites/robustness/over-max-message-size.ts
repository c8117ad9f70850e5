import { scenario } from "../../harness/model/scenario";
import { message } from "../raw-zmtp/zmtp-bytes";
import { expectSurvives, strikeWith } from "./attack";
import { Target } from "./target";
import { longHeader } from "./wire";

const LIMIT = 1024;

/** Traffic over a 1024-octet maxMessageSize: one octet over, far over (sent in full), and declared far over. */
const OVERSIZED: ReadonlyArray<{ name: string; bytes: Buffer }> = [
  { name: "a 1025-octet frame", bytes: message([Buffer.alloc(LIMIT + 1, 0x61)]) },
  { name: "a 64 KiB frame", bytes: message([Buffer.alloc(64 * 1024, 0x62)]) },
  { name: "a frame declaring 2^40 octets", bytes: Buffer.concat([longHeader(2n ** 40n), Buffer.alloc(32, 0x64)]) },
];

export default scenario({
  id: "robustness.over-max-message-size",
  clause: "api.setsockopt.maxmsgsize",
  alsoChecks: ["compat.libzmq.survives-malformed-input", "compat.libzmq.connection-resources-released"],
  level: "MUST",
  needs: ["harness-machine"],
  title:
    "With maxMessageSize 1024, every peer sending a larger frame gets its connection closed, over and over, and the implementation ends back at its baseline",
  timeoutMs: 30_000,
  async run(ctx) {
    const target = await Target.start(ctx, { maxMessageSize: LIMIT });
    await expectSurvives(ctx, target, {
      label: "frames over maxMessageSize",
      connections: OVERSIZED.length * 5,
      concurrency: 4,
      strike: (i) =>
        strikeWith(ctx, target, `peer sending ${OVERSIZED[i % OVERSIZED.length].name}`, OVERSIZED[i % OVERSIZED.length].bytes, {
          afterHandshake: true,
          mustClose: true,
        }),
    });
  },
});
