import { scenario } from "../../harness/model/scenario";
import { checkFloodArrivals, floodSlowSubscriber } from "./pub-sub-flood";

/** Long enough that a message spans more than one small write. */
const BODY = "b".repeat(300);

export default scenario({
  id: "delivery.multipart-atomic-under-hwm",
  clause: "zmtp.message.atomic",
  alsoChecks: ["api.socket.pub-mute-drops"],
  level: "MUST",
  title: "When a PUB drops three-frame messages past the high-water mark, every message that arrives has all three frames, in order",
  requires: ["pubsub"],
  timeoutMs: 30_000,
  async run(ctx) {
    const result = await floodSlowSubscriber(ctx, {
      make: (n) => [`multi-${n}`, `${n}:${BODY}`, `last-of-${n}`],
      // A dropped frame, an extra frame or frames of two messages mixed make it foreign.
      parse: (frames) => {
        const match = frames.length === 3 ? /^multi-(0|[1-9][0-9]*)$/.exec(frames[0].toString("latin1")) : null;
        if (match === null) return null;
        const n = match[1];
        return frames[1].toString("latin1") === `${n}:${BODY}` && frames[2].toString("latin1") === `last-of-${n}` ? Number(n) : null;
      },
    });
    checkFloodArrivals(ctx, result, "whole: three frames of one message, unchanged");
  },
});
