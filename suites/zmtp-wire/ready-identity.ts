import type { SocketType } from "../../harness/model/implementation";
import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { hex, property } from "../raw-zmtp/zmtp-bytes";

const CASES: Array<{ type: SocketType; peer: SocketType; routingId?: string; expected: string }> = [
  { type: "DEALER", peer: "ROUTER", expected: "" },
  { type: "REQ", peer: "ROUTER", expected: "" },
  { type: "ROUTER", peer: "DEALER", expected: "" },
  { type: "DEALER", peer: "ROUTER", routingId: "dealer-7", expected: "dealer-7" },
];

export default scenario({
  id: "zmtp-wire.ready-identity",
  clause: "compat.libzmq.ready-properties",
  alsoChecks: ["zmtp.identity.first-octet", "api.setsockopt.routing-id"],
  level: "COMPAT",
  title: "DEALER, REQ and ROUTER send an Identity property in READY: empty, or the routing id when one is set",
  requires: ["reqrep"],
  async run(ctx) {
    for (const [index, { type, peer: peerType, routingId, expected }] of CASES.entries()) {
      const { path } = await bound(ctx, type, `identity-${index}.sock`, routingId === undefined ? undefined : { routingId });
      const peer = await RawPeer.connect(ctx, path, `raw ${peerType} peer`);
      const { properties } = await peer.handshake(peerType);
      const value = property(properties, "Identity");
      const shown = value === undefined ? "(no Identity property)" : JSON.stringify(value.toString("latin1"));
      ctx.observe(`${type}${routingId === undefined ? "" : ` with routing id ${routingId}`}`, value === undefined ? shown : hex(value));
      if (value !== undefined && value.length > 0) ctx.check(`first octet of the Identity of a ${type}`, value[0] === 0 ? "zero" : "not zero", "not zero");
      ctx.check(
        `Identity in the READY of a ${type}${routingId === undefined ? "" : ` with routingId ${JSON.stringify(routingId)}`}`,
        shown,
        JSON.stringify(expected),
      );
    }
  },
});
