import { scenario } from "../../harness/model/scenario";
import { checkFloodArrivals, floodSlowSubscriber } from "./pub-sub-flood";
import { numberOf, numbered } from "./sequence";

export default scenario({
  id: "delivery.pub-sub-over-hwm-drops-counted",
  clause: "api.socket.pub-mute-drops",
  alsoChecks: ["api.socket.pub-send-never-blocks", "zmtp.socket.in-order"],
  level: "MUST",
  title:
    "A PUB flooding a subscriber that does not read drops past the high-water mark without blocking; what arrives is in order with no repeats, and the drops are counted",
  requires: ["pubsub"],
  timeoutMs: 30_000,
  async run(ctx) {
    const result = await floodSlowSubscriber(ctx, {
      make: (n) => [numbered("flood", n)],
      parse: (frames) => numberOf("flood", frames),
    });
    checkFloodArrivals(ctx, result, "one of the flood's messages, unchanged");
  },
});
