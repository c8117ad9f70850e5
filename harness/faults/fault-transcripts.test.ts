/**
 * --trace failed on broken implementations: the failing cell is run once more with recording and
 * its transcript shows the faulty octets, decoded by the test-side decoder. Three wire faults of
 * the catalogue, checked by content; a healthy cell gets no transcript.
 */
import { referenceImplementation } from "../adapters/reference-adapter";
import type { TranscriptConnection, TranscriptEvent } from "../model/transcript";
import { runMatrix } from "../runner/run-matrix";
import type { ObservedRow } from "../runner/result";
import { ALL_SCENARIOS } from "../../suites";
import { FAULTS } from "./catalogue";
import { noIdentityForDealer, shortSizeAt256, waitsForFullGreeting, wrongReadyEncoding } from "./catalogue/wire";
import { withFault, type Fault } from "./faulty-implementation";

const reference = referenceImplementation();

async function tracedRow(scenarioId: string, fault: Fault | null): Promise<ObservedRow> {
  const scenario = ALL_SCENARIOS.find((s) => s.id === scenarioId)!;
  const implementation = fault === null ? reference : withFault(reference, fault);
  const [row] = await runMatrix([scenario], { implementations: [implementation], trace: "failed" });
  return row;
}

/** Every event with the connection it belongs to. */
const events = (row: ObservedRow): Array<TranscriptEvent & { connection: TranscriptConnection }> =>
  (row.transcript?.connections ?? []).flatMap((connection) => connection.events.map((event) => ({ ...event, connection })));

test("short-size-at-256: the 256-octet frame goes out with the short size 0, right after the 255-octet frame", async () => {
  const row = await tracedRow("interop.frame-size-boundaries", shortSizeAt256);
  expect(row.outcome).toBe("fail");
  expect(row.transcript).toMatchObject({ recorded: "rerun", rerunOutcome: "fail" });
  const sent = events(row).filter((e) => e.from === "left" && e.connection.via === "relay" && e.kind === "frame");
  const at = sent.findIndex((e) => e.text.startsWith("frame 255 B"));
  expect(at).toBeGreaterThanOrEqual(0);
  expect(sent[at + 1]).toMatchObject({ text: "frame 0 B", hex: "00 00" });
});

test("no-identity-for-dealer: the implementation's READY carries Socket-Type and no Identity", async () => {
  const row = await tracedRow("zmtp-wire.ready-identity", noIdentityForDealer);
  expect(row.outcome).not.toBe("pass");
  const readies = events(row).filter((e) => e.from === "right" && e.text.startsWith("READY"));
  expect(readies.map((e) => e.text)).toContain('READY Socket-Type="DEALER"');
  expect(readies.every((e) => !e.text.includes("Identity"))).toBe(true);
});

test("wrong-ready-encoding: the implementation's READY is shown as malformed metadata, with its little-endian size in the hex", async () => {
  const row = await tracedRow("zmtp-wire.ready-well-formed", wrongReadyEncoding);
  expect(row.outcome).toBe("fail");
  const ready = events(row).find((e) => e.from === "right" && e.kind === "command");
  expect(ready?.text).toMatch(/^READY with malformed metadata/);
  // name-size 11, "Socket-Type", then the value size as written: 4 octets little-endian.
  expect(ready?.hex).toContain("53 6f 63 6b 65 74 2d 54 79 70 65 04 00 00 00");
});

/** The suites whose scenarios talk on the wire: raw peers (zmtp-wire), or two implementations through the relay (interop). */
const WIRE_SUITES = ["zmtp-wire.", "interop."];
const wireCatches = FAULTS.flatMap((fault) =>
  fault.caughtBy.filter((id) => WIRE_SUITES.some((s) => id.startsWith(s))).map((id) => [fault.id, id, fault] as const),
);

test("the catalogue has faults caught on the wire", () => expect(wireCatches.length).toBeGreaterThanOrEqual(6));

test.each(wireCatches.map(([faultId, scenarioId, fault]) => [faultId, scenarioId, fault]))(
  "%s: the failing cell of %s carries a re-run's transcript",
  async (_, scenarioId, fault) => {
    const row = await tracedRow(scenarioId as string, fault as Fault);
    expect(row.outcome).not.toBe("pass");
    expect(row.transcript?.recorded).toBe("rerun");
    // Something went over the wire, in one direction at least (a fault may be that nothing comes back).
    expect(events(row).filter((e) => e.kind !== "connect" && e.kind !== "close").length).toBeGreaterThan(0);
  },
);

test("waits-for-full-greeting: the peer's first 10 octets are there, cut short at the cleanup, and nothing came back", async () => {
  const row = await tracedRow("zmtp-wire.staged-greeting-peer-served", waitsForFullGreeting);
  const sent = events(row).filter((e) => e.kind !== "connect" && e.kind !== "close");
  expect(sent.map((e) => [e.from, e.text])).toEqual([["left", "greeting cut short: 10 of 64 octets before the close"]]);
});

test("a cell that passes gets no transcript under --trace failed", async () => {
  const row = await tracedRow("zmtp-wire.ready-identity", null);
  expect(row.outcome).toBe("pass");
  expect(row).not.toHaveProperty("transcript");
});
