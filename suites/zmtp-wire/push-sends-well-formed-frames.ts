import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { LONG, MORE, type ParsedFrame } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.push-sends-well-formed-frames",
  clause: "zmtp.frame.layout",
  level: "MUST",
  title: "Messages a PUSH socket sends arrive as frames of flags, size and body, with MORE on all frames but the last and reserved bits zero",
  async run(ctx) {
    const { socket: push, path } = await bound(ctx, "PUSH", "push.sock");
    const peer = await RawPeer.connect(ctx, path, "raw PULL peer");
    await peer.handshake("PULL");
    const messages: Buffer[][] = [
      [Buffer.from("a")],
      [Buffer.alloc(255, 0x61)],
      [Buffer.alloc(256, 0x62)],
      [Buffer.alloc(0)],
      [Buffer.from("p"), Buffer.alloc(0), Buffer.alloc(300, 0x71), Buffer.from("r")],
    ];
    for (const frames of messages) await push.send(frames);
    const forms: string[] = [];
    for (const [index, sent] of messages.entries()) {
      const label = `message ${index + 1} (${sent.map((f) => `${f.length} octets`).join(", ")})`;
      const frames: ParsedFrame[] = [];
      for (let i = 0; i < sent.length; i++) {
        const frame = await peer.readFrame(`frame ${i + 1} of ${label} arrives`);
        frames.push(frame);
        forms.push(`${frame.body.length}:${frame.headerLength === 2 ? "short" : "long"}`);
      }
      const describe = (list: Array<{ flags: number; body: Buffer }>) =>
        list
          .map((f) => `flags&0xFD=0x${(f.flags & ~LONG).toString(16)} body=${f.body.length}x${f.body.length === 0 ? "" : f.body[0].toString(16)}`)
          .join(" | ");
      const expected = sent.map((body, i) => ({ flags: i < sent.length - 1 ? MORE : 0, body }));
      // Everything but LONG is compared: reserved bits 7-3 zero, COMMAND clear, MORE on all but the last.
      ctx.check(`frames of ${label}`, describe(frames), describe(expected));
      ctx.check(
        `bodies of ${label} are the bytes sent`,
        frames.every((f, i) => f.body.equals(sent[i])),
        true,
      );
    }
    // Short size for 0-255 octets is what libzmq does; the grammar allows either for data frames.
    ctx.observe("size forms (body length: form)", forms.join(", "));
  },
});
