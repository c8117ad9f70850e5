import { showFrames } from "../../harness/runner/context";
import { scenario } from "../../harness/model/scenario";
import { RawPeer } from "../raw-zmtp/raw-peer";
import { message } from "../raw-zmtp/zmtp-bytes";
import { awaitTheirReady, expectSurvives } from "./attack";
import { Target } from "./target";
import { PUSH_OPENING } from "./wire";

/** Messages crossing every framing case: short, long (300 octets), multipart, empty. */
const MESSAGES: Buffer[][] = [[Buffer.from("first")], [Buffer.from("a"), Buffer.alloc(300, 0x62), Buffer.from("c")], [Buffer.alloc(0)], [Buffer.from("last")]];

export default scenario({
  id: "robustness.one-byte-at-a-time",
  clause: "compat.libzmq.any-segmentation",
  alsoChecks: ["compat.libzmq.connection-resources-released"],
  level: "COMPAT",
  needs: ["harness-machine"],
  title: "A peer that writes its greeting, READY and messages one octet at a time has every message delivered whole and in order",
  timeoutMs: 30_000,
  async run(ctx) {
    const target = await Target.start(ctx);
    const traffic = Buffer.concat(MESSAGES.map((frames) => message(frames)));
    await expectSurvives(ctx, target, {
      label: "one-octet writes",
      connections: 2,
      strike: async (i) => {
        const peer = await RawPeer.attacker(ctx, target.path, `one-octet peer ${i}`);
        try {
          // Greeting and READY, then (ZMTP 3.1: only once both READYs are exchanged) the messages.
          await trickle(peer, PUSH_OPENING);
          await awaitTheirReady(ctx, peer);
          await trickle(peer, traffic);
          for (const [n, frames] of MESSAGES.entries()) {
            await ctx.expectMessage(target.socket, `message ${n + 1} of ${MESSAGES.length} from one-octet peer ${i}, ${showFrames(frames)}`, frames);
          }
        } finally {
          peer.destroy();
        }
      },
    });
  },
});

/** Writes one octet per write, with a turn of the event loop between writes so each leaves as its own segment. */
async function trickle(peer: RawPeer, bytes: Buffer): Promise<void> {
  for (const octet of bytes) {
    await peer.send(Buffer.from([octet]));
    await new Promise((resolve) => setImmediate(resolve));
  }
}
