import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { greeting, hex, parseProperties, ready } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.ready-well-formed",
  clause: "zmtp.ready.grammar",
  alsoChecks: ["zmtp.ready.name-length", "zmtp.ready.value-size-field", "zmtp.command.size-grammar", "zmtp.command.name-grammar"],
  level: "MUST",
  title: 'READY is one command frame: %x04 size, %d5 "READY", then properties (name, 4-octet size, value) filling the body exactly',
  async run(ctx) {
    const { path } = await bound(ctx, "PULL", "ready-grammar.sock");
    const peer = await RawPeer.connect(ctx, path);
    await peer.send(Buffer.concat([greeting(), ready("PUSH")]));
    await peer.readGreeting();
    const frame = await peer.readFrame("a frame follows the greeting");
    ctx.observe("ready", hex(frame.body));
    // command-size = %x04 short-size | %x06 long-size: exactly COMMAND, LONG optional, nothing else.
    ctx.check(
      "flags octet of the first frame after the greeting",
      `0x${frame.flags.toString(16)}`,
      (f) => f === "0x4" || f === "0x6",
      `0x4 (or 0x6 with a long size)`,
    );
    ctx.check("command name (length octet and name)", hex(frame.body.subarray(0, 6)), hex(Buffer.from([5, 0x52, 0x45, 0x41, 0x44, 0x59])));
    const parsed = parseProperties(frame.body.subarray(6));
    ctx.check("metadata after READY", parsed.ok ? "properties filling the body exactly" : parsed.reason, "properties filling the body exactly");
  },
});
