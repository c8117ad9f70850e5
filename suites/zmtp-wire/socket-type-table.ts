import type { SocketType } from "../../harness/model/implementation";
import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { greeting, ping, ready } from "../raw-zmtp/zmtp-bytes";

/** For each socket type: a peer type it may talk to and one it may not (RFC 37 table). */
const TABLE: Array<[SocketType, SocketType, SocketType, "pubsub" | "reqrep" | null]> = [
  ["PUSH", "PULL", "PUSH", null],
  ["PULL", "PUSH", "PULL", null],
  ["PAIR", "PAIR", "PUSH", null],
  ["PUB", "SUB", "PUB", "pubsub"],
  ["XPUB", "XSUB", "PULL", "pubsub"],
  ["SUB", "XPUB", "SUB", "pubsub"],
  ["XSUB", "PUB", "REQ", "pubsub"],
  ["REQ", "ROUTER", "DEALER", "reqrep"],
  ["REP", "DEALER", "ROUTER", "reqrep"],
  ["DEALER", "DEALER", "REQ", "reqrep"],
  ["ROUTER", "REQ", "REP", "reqrep"],
];

export default scenario({
  id: "zmtp-wire.socket-type-table",
  clause: "zmtp.socket-type.legal-peers",
  level: "SHOULD",
  title: "Each socket type keeps a connection from a legal peer type (it answers a PING) and drops one from an illegal type",
  async run(ctx) {
    const seen: Record<string, string> = {};
    for (const [type, legal, illegal] of TABLE.filter(([, , , c]) => c === null || ctx.impl.capabilities.includes(c))) {
      const { path } = await bound(ctx, type, `${type.toLowerCase()}.sock`);
      const good = await RawPeer.connect(ctx, path, `raw ${legal} peer of a ${type}`);
      await good.handshake(legal);
      // A PONG proves the connection was accepted (not merely not yet closed).
      await good.send(ping(0, "alive"));
      let reply = await good.readCommand(`the ${type} answers the ${legal} peer's PING`);
      while (reply.name === "PING" || reply.name === "SUBSCRIBE") reply = await good.readCommand(`the ${type} answers the ${legal} peer's PING`);
      ctx.check(`the ${type}'s answer to a legal ${legal} peer's PING`, reply.name, "PONG");
      const bad = await RawPeer.connect(ctx, path, `raw ${illegal} peer of a ${type}`);
      await bad.send(Buffer.concat([greeting(), ready(illegal)]));
      await bad.expectClose(`the ${type} closes the connection from an illegal ${illegal} peer`);
      seen[type] = `keeps ${legal}, drops ${illegal}`;
    }
    ctx.observe("checked", seen);
  },
});
