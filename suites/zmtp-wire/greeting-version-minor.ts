import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { greeting } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.greeting-version-minor",
  clause: "zmtp.greeting.version-minor",
  alsoChecks: ["zmtp.greeting.version-minor-3-0"],
  level: "MUST",
  title: "The greeting's minor version (octet 11) is 1 for ZMTP 3.1 or 0 for ZMTP 3.0",
  async run(ctx) {
    const { path } = await bound(ctx, "PULL", "minor.sock");
    const peer = await RawPeer.connect(ctx, path);
    await peer.send(greeting());
    const theirs = await peer.readGreeting();
    // RFC 37 (3.1) says %x01 and RFC 23 (3.0) %x00: an implementation speaks one of them.
    ctx.check("greeting octet 11 (version-minor)", theirs[11], (minor) => minor === 0 || minor === 1, "1 (ZMTP 3.1) or 0 (ZMTP 3.0)");
  },
});
