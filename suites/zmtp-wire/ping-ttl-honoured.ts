import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { message, ping } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.ping-ttl-honoured",
  clause: "zmtp.heartbeat.ttl-expiry",
  alsoChecks: ["zmtp.heartbeat.any-traffic-is-life"],
  level: "SHOULD",
  title: "After a PING with a 200 ms TTL a connection kept busy with messages stays up, and after one followed by silence it is dropped",
  timeoutMs: 10_000,
  async run(ctx) {
    const { socket: pull, path } = await bound(ctx, "PULL", "ttl.sock");
    const peer = await RawPeer.connect(ctx, path, "raw PUSH peer announcing a TTL");
    await peer.handshake("PUSH");
    // The TTL we announce, in tenths of a second: 200 ms, scaled like every other limit so a
    // slow machine's pauses do not pass for silence.
    const ttl = Math.max(1, Math.round(ctx.limit(200) / 100));
    ctx.observe("announced TTL (ms)", ttl * 100);
    await peer.send(ping(ttl, ""));
    // Traffic for two TTLs, each message answered by its arrival (no timers: the round trips
    // themselves take the time). Only messages, no PINGs: any traffic is a sign of life.
    const start = Date.now();
    let sent = 0;
    // One check for the whole stream (not one per message: the report stays small).
    let outOfOrder: string | undefined;
    while (Date.now() - start < 2 * ttl * 100 && outOfOrder === undefined) {
      await peer.send(message([`busy-${sent}`]));
      const [frame] = await ctx.receive(pull, `busy message ${sent}`);
      if (frame?.toString() !== `busy-${sent}`) outOfOrder = `busy-${sent} expected, got ${frame?.toString()}`;
      sent++;
    }
    ctx.check("every message of the busy stream, in order", outOfOrder ?? "all in order", "all in order");
    ctx.observe("messages while busy", sent);
    ctx.check("connection after two TTLs of steady traffic", peer.closed ? "closed" : "open", "open");
    // The clause's case exactly: a PING with a TTL, then nothing more.
    await peer.send(ping(ttl, ""));
    const silentFrom = Date.now();
    await peer.expectClose("the implementation closes the connection once the peer is silent for longer than the TTL");
    ctx.observe("ms from silence to close", Date.now() - silentFrom);
  },
});
