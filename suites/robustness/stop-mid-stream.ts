import { scenario } from "../../harness/model/scenario";
import { message } from "../raw-zmtp/zmtp-bytes";
import { expectSurvives, strikeWith } from "./attack";
import { Target } from "./target";
import { PUSH_OPENING } from "./wire";

/** A three-frame message crossing the short and long size forms. */
const MESSAGE = message(["part-1", Buffer.alloc(300, 0x70), "part-3"]);

export default scenario({
  id: "robustness.stop-mid-stream",
  clause: "zmtp.message.atomic",
  alsoChecks: ["compat.libzmq.survives-malformed-input", "compat.libzmq.connection-resources-released"],
  level: "MUST",
  needs: ["harness-machine"],
  title:
    "Peers that stop at every octet of a greeting and READY, and of a three-frame message after the handshake, deliver nothing partial and leave the implementation alive, serving, and back at its baseline",
  timeoutMs: 60_000,
  async run(ctx) {
    const target = await Target.start(ctx);
    ctx.observe("cut points per round", { handshake: PUSH_OPENING.length - 1, message: MESSAGE.length - 1 });
    await expectSurvives(ctx, target, {
      label: "connections stopped mid-handshake",
      connections: PUSH_OPENING.length - 1,
      concurrency: 10,
      strike: (i) => strikeWith(ctx, target, `peer stopping after ${i + 1} octets of its opening`, PUSH_OPENING.subarray(0, i + 1)),
    });
    // Every cut short of the message's last octet: the message is never complete.
    await expectSurvives(ctx, target, {
      label: "connections stopped mid-message",
      connections: MESSAGE.length - 1,
      concurrency: 10,
      strike: (i) => strikeWith(ctx, target, `peer stopping after ${i + 1} octets of a message`, MESSAGE.subarray(0, i + 1), { afterHandshake: true }),
    });
    ctx.check("messages the application received from peers that stopped mid-stream", target.attackerMessages, 0);
  },
});
