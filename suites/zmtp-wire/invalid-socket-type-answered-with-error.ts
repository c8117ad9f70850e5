import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { COMMAND, greeting, hex, parseFrame, ready, splitCommand } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.invalid-socket-type-answered-with-error",
  clause: "zmtp.socket-type.invalid-error-close",
  alsoChecks: ["zmtp.error.grammar"],
  level: "SHOULD",
  title: "A peer of an illegal socket type gets a well-formed ERROR command before the connection is closed",
  async run(ctx) {
    const { path } = await bound(ctx, "PULL", "error.sock");
    const bad = await RawPeer.connect(ctx, path, "raw PUB peer");
    await bad.send(Buffer.concat([greeting(), ready("PUB")]));
    await bad.expectClose("the implementation closes the connection to the PUB peer");
    const commands: Array<{ name: string; data: Buffer; flags: number }> = [];
    for (let at = 64; ;) {
      const frame = parseFrame(bad.bytes, at);
      if (frame === null) break;
      const split = frame.flags & COMMAND ? splitCommand(frame.body) : null;
      if (split !== null) commands.push({ ...split, flags: frame.flags });
      at = frame.end;
    }
    ctx.observe(
      "commands before the close",
      commands.map((c) => c.name),
    );
    const error = commands.find((c) => c.name === "ERROR");
    ctx.check(
      "an ERROR command before the close",
      error === undefined ? `none (commands: ${commands.map((c) => c.name).join(", ") || "none"})` : "ERROR",
      "ERROR",
    );
    const { data } = error as { data: Buffer };
    // error-reason = OCTET 0*255VCHAR: a length octet, then exactly that many printable octets.
    const wellFormed = data.length >= 1 && data.length === 1 + data[0] && [...data.subarray(1)].every((c) => (c >= 0x21 && c <= 0x7e) || c === 0x20);
    ctx.observe("error-reason", data.subarray(1).toString("latin1"));
    ctx.check("the ERROR's reason (length octet, then that many printable octets)", wellFormed ? "well-formed" : hex(data), "well-formed");
  },
});
