import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { hex, ping } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.ping-answered-with-pong",
  clause: "zmtp.heartbeat.pong",
  alsoChecks: ["zmtp.heartbeat.ping.grammar", "zmtp.heartbeat.ttl", "zmtp.command.size-grammar", "zmtp.command.name-grammar"],
  level: "MUST",
  title: "PINGs from a ZMTP 3.1 peer (non-zero TTL, 16-octet context; zero TTL, empty context) get PONG commands echoing each context",
  async run(ctx) {
    const { path } = await bound(ctx, "PULL", "ping.sock");
    const peer = await RawPeer.connect(ctx, path, "raw PUSH peer");
    await peer.handshake("PUSH");
    // ping = command-size %d4 "PING" ping-ttl ping-context: the TTL is two octets, so an
    // implementation that parsed it wrongly would echo the wrong octets.
    const cases: Array<[number, Buffer]> = [
      [0x0102, Buffer.from("ctx-0123456789ab")], // 16 octets, the largest context allowed
      [0, Buffer.alloc(0)],
    ];
    await peer.send(Buffer.concat(cases.map(([ttl, context]) => ping(ttl, context))));
    for (const [ttl, context] of cases) {
      let reply = await peer.readCommand(`a command answers the PING with TTL ${ttl}`);
      // A heartbeating implementation may send its own PINGs meanwhile: look past them.
      while (reply.name === "PING") reply = await peer.readCommand(`a command answers the PING with TTL ${ttl}`);
      ctx.check(`the command answering the PING with TTL ${ttl}`, reply.name, "PONG");
      ctx.check("the PONG's flags octet", `0x${reply.frame.flags.toString(16)}`, (f) => f === "0x4" || f === "0x6", "0x4 (or 0x6 with a long size)");
      ctx.check(`the PONG's context for the PING with TTL ${ttl}`, hex(reply.data), hex(context));
    }
  },
});
