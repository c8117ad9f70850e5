import { TRANSCRIPT_LIMITS } from "../../model/transcript";
import { TranscriptLog } from "./transcript-log";

test("connections and events are kept in order, timed from the start, ids from 1", () => {
  const log = new TranscriptLog(performance.now());
  const a = log.open("raw-peer", "peer", "reference")!;
  const b = log.open("relay", "libzmq (connecter)", "reference (binder)")!;
  a.add({ from: "left", kind: "connect", text: "connected" });
  b.add({ from: "right", kind: "greeting", text: "greeting", hex: "ff" });
  const [first, second] = log.connections();
  expect(first).toMatchObject({ id: 1, via: "raw-peer", left: "peer", right: "reference", events: [{ from: "left", kind: "connect" }] });
  expect(second).toMatchObject({ id: 2, via: "relay", events: [{ from: "right", kind: "greeting", hex: "ff" }] });
  expect(first.events[0].ms).toBeGreaterThanOrEqual(0);
  expect(log.omitted()).toBeUndefined();
});

test("beyond the bounds, connections and events are counted, not kept", () => {
  const log = new TranscriptLog();
  const opened = Array.from({ length: TRANSCRIPT_LIMITS.connections + 3 }, () => log.open("raw-peer", "attacker", "reference"));
  expect(opened.filter((c) => c === undefined)).toHaveLength(3);
  for (let i = 0; i < TRANSCRIPT_LIMITS.events + 5; i++) opened[0]!.add({ from: "left", kind: "bytes", text: `${i}` });
  expect(log.connections()[0].events).toHaveLength(TRANSCRIPT_LIMITS.events);
  expect(log.omitted()).toEqual({ connections: 3, events: 5 });
});
