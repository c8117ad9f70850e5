import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { message } from "../raw-zmtp/zmtp-bytes";

const COUNT = 200;

export default scenario({
  id: "zmtp-wire.messages-in-order",
  clause: "zmtp.socket.in-order",
  level: "MUST",
  title: "200 messages arrive in the order sent, from a raw peer to a PULL and from a PUSH to a raw peer",
  async run(ctx) {
    const { socket: pull, path: pullPath } = await bound(ctx, "PULL", "in.sock");
    const sender = await RawPeer.connect(ctx, pullPath, "raw PUSH peer");
    await sender.handshake("PUSH");
    await sender.send(Buffer.concat(Array.from({ length: COUNT }, (_, i) => message([`m${i}`]))));
    const inbound: string[] = [];
    for (let i = 0; i < COUNT; i++) inbound.push((await ctx.receive(pull, `inbound message ${i}`)).map(String).join("+"));
    ctx.check("order of the messages the PULL received", inbound.join(" "), Array.from({ length: COUNT }, (_, i) => `m${i}`).join(" "));

    const { socket: push, path: pushPath } = await bound(ctx, "PUSH", "out.sock");
    const receiver = await RawPeer.connect(ctx, pushPath, "raw PULL peer");
    await receiver.handshake("PULL");
    for (let i = 0; i < COUNT; i++) await push.send([`n${i}`]);
    const outbound: string[] = [];
    for (let i = 0; i < COUNT; i++) outbound.push((await receiver.readMessage(`outbound message ${i}`)).frames.map(String).join("+"));
    ctx.check("order of the messages the raw peer received", outbound.join(" "), Array.from({ length: COUNT }, (_, i) => `n${i}`).join(" "));
  },
});
