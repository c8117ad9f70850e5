import type { SocketType } from "../../harness/model/implementation";
import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { property } from "../raw-zmtp/zmtp-bytes";

/** Each socket type and a peer type it may talk to (RFC 23 / RFC 37 Socket-Type table). */
const PEER_OF: Array<[SocketType, SocketType, "pubsub" | "reqrep" | null]> = [
  ["PUSH", "PULL", null],
  ["PULL", "PUSH", null],
  ["PAIR", "PAIR", null],
  ["PUB", "SUB", "pubsub"],
  ["SUB", "PUB", "pubsub"],
  ["XPUB", "SUB", "pubsub"],
  ["XSUB", "PUB", "pubsub"],
  ["REQ", "REP", "reqrep"],
  ["REP", "REQ", "reqrep"],
  ["DEALER", "ROUTER", "reqrep"],
  ["ROUTER", "DEALER", "reqrep"],
];

export default scenario({
  id: "zmtp-wire.ready-socket-type",
  clause: "zmtp.metadata.socket-type",
  alsoChecks: ["zmtp.socket-type.grammar"],
  level: "SHOULD",
  title: "READY carries a Socket-Type property naming the socket's own type, for every socket type offered",
  async run(ctx) {
    const seen: Record<string, string> = {};
    // Socket types behind a capability the implementation does not declare are left out.
    for (const [type, peerType] of PEER_OF.filter(([, , c]) => c === null || ctx.impl.capabilities.includes(c))) {
      const { path } = await bound(ctx, type, `${type.toLowerCase()}.sock`);
      const peer = await RawPeer.connect(ctx, path, `raw ${peerType} peer`);
      const { properties } = await peer.handshake(peerType);
      const value = property(properties, "Socket-Type");
      seen[type] = value === undefined ? "(absent)" : value.toString("latin1");
      ctx.check(`Socket-Type in the READY of a ${type} socket`, seen[type], type);
    }
    ctx.observe("socket types", seen);
  },
});
