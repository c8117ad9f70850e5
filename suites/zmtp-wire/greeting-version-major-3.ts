import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { greeting } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.greeting-version-major-3",
  clause: "zmtp.greeting.version-major",
  level: "MUST",
  title: "The implementation's greeting announces major version 3 (octet 10)",
  async run(ctx) {
    const { path } = await bound(ctx, "PULL", "version.sock");
    const peer = await RawPeer.connect(ctx, path);
    await peer.send(greeting());
    const theirs = await peer.readGreeting();
    // RFC 37 says minor 1, RFC 23 minor 0: both are ZMTP 3 and frame alike, so the minor is recorded.
    ctx.observe("version-minor", theirs[11]);
    ctx.check("greeting octet 10 (version-major)", theirs[10], 3);
  },
});
