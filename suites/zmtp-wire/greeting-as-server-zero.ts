import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { greeting } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.greeting-as-server-zero",
  clause: "zmtp.null.as-server-zero",
  alsoChecks: ["zmtp.greeting.as-server"],
  level: "MUST",
  title: "With the NULL mechanism the greeting's as-server octet is zero, on the binding side too",
  async run(ctx) {
    const { path } = await bound(ctx, "PULL", "as-server.sock");
    const peer = await RawPeer.connect(ctx, path);
    await peer.send(greeting());
    const theirs = await peer.readGreeting();
    ctx.check("greeting octet 32 (as-server)", theirs[32], 0);
  },
});
