import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";

export default scenario({
  id: "zmtp-wire.command-size-forms",
  clause: "zmtp.command.long-size",
  alsoChecks: ["zmtp.command.short-size"],
  level: "SHOULD",
  title: "A READY of 256 octets or more (255-octet routing id) uses the 8-octet size (%x06), a short one the 1-octet size (%x04)",
  requires: ["reqrep"],
  async run(ctx) {
    const cases: Array<[string, string | undefined, number]> = [
      ["a DEALER with no routing id", undefined, 0x04],
      ["a DEALER with a 255-octet routing id", "r".repeat(255), 0x06],
    ];
    for (const [index, [what, routingId, flags]] of cases.entries()) {
      const { path } = await bound(ctx, "DEALER", `dealer-${index}.sock`, routingId === undefined ? undefined : { routingId });
      const peer = await RawPeer.connect(ctx, path, `raw ROUTER peer of ${what}`);
      await peer.handshake("ROUTER");
      // handshake() consumed the READY: look at its header in the bytes received.
      const header = peer.bytes[64];
      const size = header & 0x02 ? Number(peer.bytes.readBigUInt64BE(65)) : peer.bytes[65];
      ctx.observe(what, `flags 0x${header.toString(16)}, body ${size} octets`);
      ctx.check(`flags of the READY of ${what} (body ${size} octets)`, `0x${header.toString(16).padStart(2, "0")}`, `0x${flags.toString(16).padStart(2, "0")}`);
    }
  },
});
