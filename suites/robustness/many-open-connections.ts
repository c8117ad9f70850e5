import { scenario } from "../../harness/model/scenario";
import { RawPeer } from "../raw-zmtp/raw-peer";
import { Target } from "./target";
import { PUSH_OPENING } from "./wire";

/** Held open at once: well under the usual 1024-descriptor soft limit of a process that does not raise it. */
const OPEN_AT_ONCE = 500;

export default scenario({
  id: "robustness.many-open-connections",
  clause: "compat.libzmq.connection-resources-released",
  alsoChecks: ["compat.libzmq.survives-malformed-input"],
  level: "COMPAT",
  needs: ["harness-machine"],
  title: "500 handshaken connections held open at once do not stop a new peer being served, and once dropped leave descriptors at the baseline",
  timeoutMs: 60_000,
  async run(ctx) {
    const target = await Target.start(ctx);
    const peers: RawPeer[] = [];
    ctx.defer(() => peers.forEach((peer) => peer.destroy()));
    for (let i = 0; i < OPEN_AT_ONCE; i++) {
      const peer = await RawPeer.attacker(ctx, target.path, `idle peer ${i}`);
      peers.push(peer);
      await peer.send(PUSH_OPENING);
    }
    // All held: the implementation has accepted every one of them.
    const held = await target.waitForConnections(OPEN_AT_ONCE);
    ctx.observe("connections held at once", held ?? "unknown: no /proc");
    ctx.observe("usage with every connection open", target.usage() ?? "unavailable");
    await target.expectServes(`while ${OPEN_AT_ONCE} idle peers are connected`);
    for (const peer of peers.splice(0)) peer.destroy();
    const usage = await target.expectRecovered(`${OPEN_AT_ONCE} idle peers left`);
    ctx.observe("usage after they left", usage ?? "unavailable");
  },
});
