import { scenario } from "../../harness/model/scenario";
import { COMMAND, MORE, RESERVED_BITS, command, frame, message } from "../raw-zmtp/zmtp-bytes";
import { expectSurvives, strikeWith } from "./attack";
import { Target } from "./target";

/** Flag bytes a sender SHALL NOT produce, after a valid handshake. */
const ABUSES: ReadonlyArray<{ name: string; bytes: Buffer }> = [
  { name: "every reserved bit on a message frame", bytes: frame(RESERVED_BITS, "reserved") },
  { name: "each reserved bit in turn", bytes: Buffer.concat([0x08, 0x10, 0x20, 0x40, 0x80].map((bit) => frame(bit, "bit"))) },
  { name: "a PING with MORE", bytes: command("PING", Buffer.from([0, 0]), COMMAND | MORE) },
  { name: "a command between the frames of a message", bytes: Buffer.concat([frame(MORE, "first"), command("PING", Buffer.from([0, 0])), frame(0, "last")]) },
  { name: "MORE on the last frame before the peer leaves", bytes: Buffer.concat([message(["whole"]), frame(MORE, "dangling")]) },
  { name: "all flag bits with a zero size", bytes: Buffer.from([0xff & ~0x02, 0x00]) },
];

export default scenario({
  id: "robustness.flag-abuse",
  clause: "compat.libzmq.survives-malformed-input",
  alsoChecks: ["compat.libzmq.connection-resources-released", "zmtp.frame.flags.reserved", "zmtp.frame.flags.more-not-on-commands"],
  level: "COMPAT",
  needs: ["harness-machine"],
  title:
    "Reserved flag bits, commands with MORE, commands inside multipart messages and dangling MORE leave the implementation alive, serving, and back at its baseline",
  timeoutMs: 30_000,
  async run(ctx) {
    const target = await Target.start(ctx);
    await expectSurvives(ctx, target, {
      label: "flag abuse",
      connections: ABUSES.length * 5,
      concurrency: 3,
      strike: (i) => strikeWith(ctx, target, `peer sending ${ABUSES[i % ABUSES.length].name}`, ABUSES[i % ABUSES.length].bytes, { afterHandshake: true }),
    });
  },
});
