import type { Outcome } from "./outcome";

/**
 * What a cell said on the wire, decoded (docs/transcripts.md): every connection a raw peer of
 * the harness opened or accepted, and every connection an interop scenario made through a
 * recording relay, with each greeting, command and frame per direction, timed from the cell's
 * start. Recorded only when asked (`run --trace failed|all`), bounded per cell.
 */
export interface Transcript {
  /** "run": recorded in the run the row reports (--trace all); "rerun": in one more run of a cell that did not pass (--trace failed). */
  readonly recorded: "run" | "rerun";
  /** The re-run's own outcome (a re-run may end otherwise than the run the row reports). */
  readonly rerunOutcome?: Outcome;
  readonly connections: TranscriptConnection[];
  /** What the per-cell bounds left out (TRANSCRIPT_LIMITS); absent when nothing was. */
  readonly omitted?: { readonly connections: number; readonly events: number };
}

/** One connection: its two ends and what passed between them, in time order. */
export interface TranscriptConnection {
  /** 1-based, in the order the connections opened. */
  readonly id: number;
  /** "raw-peer": the harness's own scripted end; "relay": two implementations, copied through a relay socket. */
  readonly via: "raw-peer" | "relay";
  /** Who is on each end: "raw peer (well-behaved)" and "reference"; "libzmq (connecter)" and "reference (binder)". */
  readonly left: string;
  readonly right: string;
  readonly events: TranscriptEvent[];
}

export type TranscriptEventKind =
  /** The connection was made. */
  | "connect"
  /** A 64-octet ZMTP 3 greeting (or as much of one as came before the close). */
  | "greeting"
  /** A command frame (READY with its properties, SUBSCRIBE, PING, ERROR, ...). */
  | "command"
  /** A message frame. */
  | "frame"
  /** Octets that do not decode as ZMTP where they came (garbage, a cut-off frame). */
  | "bytes"
  /** One end closed or reset the connection. */
  | "close";

export interface TranscriptEvent {
  /** Milliseconds since the cell started. */
  readonly ms: number;
  /** The end that sent it (for "close": the end that closed, when known). */
  readonly from: "left" | "right";
  readonly kind: TranscriptEventKind;
  /** The decoding in one line: `READY Socket-Type="PUSH" Identity=""`, `frame MORE 5 B "hello"`. */
  readonly text: string;
  /** The item's first octets as hex (header included), so a malformed one shows as sent. */
  readonly hex?: string;
}

/** The bounds on what one cell records: beyond them events and connections are counted, not kept. */
export const TRANSCRIPT_LIMITS = {
  connections: 64,
  events: 2000,
  /** Octets shown as hex per event. */
  hexOctets: 32,
  /** Characters of a frame's body shown as text. */
  previewChars: 40,
} as const;

/** Where a cell's connections are written down while it runs; the runner keeps them, scenarios' wire tools feed them. */
export interface TranscriptRecorder {
  /** A new connection; undefined when the cell already recorded as many as it may (it is counted). */
  open(via: TranscriptConnection["via"], left: string, right: string): ConnectionLog | undefined;
}

export interface ConnectionLog {
  /** Adds an event timed now; dropped (and counted) beyond the cell's bound. */
  add(event: Omit<TranscriptEvent, "ms">): void;
}

/** When a run records transcripts: never, for cells that did not pass (re-run once with recording), or for every cell. */
export const TRACE_MODES = ["failed", "all"] as const;
export type TraceMode = (typeof TRACE_MODES)[number];
