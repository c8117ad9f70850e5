import { scenario } from "../../harness/model/scenario";
import { command, greeting, message, properties, ready } from "../raw-zmtp/zmtp-bytes";
import { expectSurvives, strikeWith } from "./attack";
import { Target } from "./target";

/** A 4-byte big-endian length. */
function u32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value);
  return out;
}

/** What comes after a valid greeting instead of a well-formed READY. */
const READIES: ReadonlyArray<{ name: string; bytes: Buffer }> = [
  { name: "a property name of length 0", bytes: command("READY", Buffer.concat([Buffer.from([0]), u32(4), Buffer.from("PUSH")])) },
  { name: "a property name running past the command", bytes: command("READY", Buffer.from([200, 0x53, 0x6f])) },
  {
    name: "a value size of 2^32-1",
    bytes: command("READY", Buffer.concat([Buffer.from([11]), Buffer.from("Socket-Type"), u32(0xffffffff), Buffer.from("PUSH")])),
  },
  { name: "a value one octet short", bytes: command("READY", Buffer.concat([Buffer.from([11]), Buffer.from("Socket-Type"), u32(5), Buffer.from("PUSH")])) },
  { name: "a truncated value size", bytes: command("READY", Buffer.concat([Buffer.from([11]), Buffer.from("Socket-Type"), Buffer.from([0, 0])])) },
  { name: "no properties at all", bytes: command("READY") },
  { name: "an unknown socket type", bytes: ready("GARBAGE") },
  { name: "an incompatible socket type (PULL to PULL)", bytes: ready("PULL") },
  { name: "a non-ASCII property name", bytes: command("READY", properties([["Sock\u00e9t-Type", "PUSH"]])) },
  { name: "READY twice", bytes: Buffer.concat([ready("PUSH"), ready("PUSH")]) },
  { name: "an unknown command before READY", bytes: Buffer.concat([command("HELLO", "world"), ready("PUSH")]) },
  { name: "an ERROR instead of READY", bytes: command("ERROR", Buffer.concat([Buffer.from([5]), Buffer.from("no no")])) },
  { name: "a command with an empty name", bytes: command("", "") },
  { name: "a command frame of size 0", bytes: Buffer.from([0x04, 0x00]) },
  { name: "a data message instead of READY", bytes: message(["too early"]) },
];

export default scenario({
  id: "robustness.malformed-ready",
  clause: "compat.libzmq.survives-malformed-input",
  alsoChecks: ["compat.libzmq.connection-resources-released", "zmtp.ready.grammar"],
  level: "COMPAT",
  needs: ["harness-machine"],
  title:
    "READY commands with malformed, missing, duplicated or incompatible properties, and other commands in READY's place, leave the implementation alive, serving, and back at its baseline",
  timeoutMs: 30_000,
  async run(ctx) {
    const target = await Target.start(ctx);
    await expectSurvives(ctx, target, {
      label: "malformed READY commands",
      connections: READIES.length * 3,
      concurrency: 3,
      strike: (i) =>
        strikeWith(ctx, target, `peer sending ${READIES[i % READIES.length].name}`, [
          greeting(),
          READIES[i % READIES.length].bytes,
          message(["after the bad READY"]),
        ]),
    });
  },
});
