import { scenario } from "../../harness/model/scenario";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";
import { showFrames } from "../../harness/runner/context";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { COMMAND, greeting, hex, message, ready, splitCommand } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.sub-encodes-subscription-per-peer-version",
  clause: "compat.libzmq.subscription-encoding",
  level: "COMPAT",
  title: "A SUB sends its subscription as a 0x01+topic message to a ZMTP 3.0 peer and as a SUBSCRIBE command to a 3.1 peer",
  requires: ["pubsub"],
  async run(ctx) {
    const { socket: sub, path } = await bound(ctx, "SUB", "sub.sock");
    await sub.subscribe("news");
    for (const minor of [0, 1]) {
      // A receive is pending throughout: libzmq hands a new connection its pipe (and so sends
      // the subscriptions) only while the application is inside a call on the socket.
      const pending = ctx.attempt(() => sub.receive(ctx.limit(ARRIVAL_LIMIT_MS)));
      const peer = await RawPeer.connect(ctx, path, `raw ZMTP 3.${minor} PUB peer`);
      await peer.send(Buffer.concat([greeting({ minor }), ready("PUB")]));
      await peer.readGreeting();
      await peer.readCommand("the SUB's READY");
      const frame = await peer.readFrame(`the subscription sent to the ZMTP 3.${minor} peer`);
      const command = frame.flags & COMMAND ? splitCommand(frame.body) : null;
      const seen = command !== null ? `command ${command.name} "${command.data.toString("latin1")}"` : `message ${hex(frame.body)}`;
      ctx.check(
        `the subscription as sent to a ZMTP 3.${minor} peer`,
        seen,
        minor === 0 ? `message ${hex(Buffer.from("\x01news", "latin1"))}` : 'command SUBSCRIBE "news"',
      );
      await peer.send(message([`news-from-3.${minor}`]));
      const received = await pending;
      ctx.check(
        `the ZMTP 3.${minor} publisher's message at the SUB`,
        received.ok ? showFrames(received.value) : `error ${received.code}`,
        showFrames([Buffer.from(`news-from-3.${minor}`)]),
      );
    }
  },
});
