import { scenario } from "../../harness/model/scenario";
import { SILENCE_LIMIT_MS } from "../../harness/runner/limits";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { GREETING_SIZE, greeting, hex } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.greeting-stages",
  clause: "zmtp.greeting.full-immediately",
  level: "INFO",
  title: "Records how much of its greeting the implementation sends before, and as, the peer sends its own",
  async run(ctx) {
    const { path } = await bound(ctx, "PULL", "stages.sock");
    const peer = await RawPeer.connect(ctx, path);
    const ours = greeting();
    // Each stage waits for the whole greeting to be there or the silence limit: a staged sender
    // (libzmq) costs that limit at each stage, an immediate one nothing.
    const stage = async (key: string) => {
      const how = await peer.settle((unread) => unread.length >= GREETING_SIZE, SILENCE_LIMIT_MS);
      ctx.observe(key, peer.bytes.length);
      return how;
    };
    if ((await stage("octets before the peer sends anything")) !== "met") {
      await peer.send(ours.subarray(0, 10));
      if ((await stage("octets after the peer's 10-octet signature")) !== "met") {
        await peer.send(ours.subarray(10, 11));
        if ((await stage("octets after the peer's major version")) !== "met") {
          await peer.send(ours.subarray(11));
          await stage("octets after the peer's whole greeting");
        }
      }
    }
    ctx.observe("greeting", hex(peer.bytes.subarray(0, GREETING_SIZE)));
    ctx.observe("closed", peer.closed);
  },
});
