import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound, expectStillServes } from "../raw-zmtp/raw-peer";
import { frame } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.frame-over-max-message-size-closed",
  clause: "api.setsockopt.maxmsgsize",
  alsoChecks: ["zmtp.error.other-close"],
  level: "MUST",
  title: "With maxMessageSize 1000, a 1000-octet frame arrives and a 1001-octet one gets the connection closed; the socket keeps serving others",
  async run(ctx) {
    const { socket: pull, path } = await bound(ctx, "PULL", "maxsize.sock", { maxMessageSize: 1000 });
    const bad = await RawPeer.connect(ctx, path, "raw PUSH peer sending too much");
    await bad.handshake("PUSH");
    await bad.send(frame(0, Buffer.alloc(1000, 0x61)));
    const atLimit = await ctx.receive(pull, "a 1000-octet message (at the limit) arrives");
    ctx.check("length of the message at the limit", atLimit.map((f) => f.length).join(","), "1000");
    await bad.send(frame(0, Buffer.alloc(1001, 0x62)));
    await bad.expectClose("the implementation closes the connection after the 1001-octet frame");
    await expectStillServes(ctx, pull, path);
  },
});
