import type { ScenarioContext } from "../../harness/model/scenario-context";
import type { ConnectionLog, TranscriptConnection } from "../../harness/model/transcript";
import { ZmtpStreamDecoder } from "./zmtp-stream-decoder";

type End = "left" | "right";

/**
 * One connection written into the cell's transcript: the octets each end sends, decoded per
 * direction as they arrive, and how each end closed. Wire tools (a raw peer's WireConnection, the
 * recording relay) call it; it exists only while the run records transcripts.
 */
export class ConnectionTranscript {
  private readonly decoders: Record<End, ZmtpStreamDecoder> = { left: new ZmtpStreamDecoder(), right: new ZmtpStreamDecoder() };
  private readonly closedEnds = new Set<End>();

  private constructor(private readonly log: ConnectionLog) {}

  /** A new connection in ctx's transcript, or undefined when the run does not record (or the cell's bound is reached). */
  static open(ctx: ScenarioContext, via: TranscriptConnection["via"], left: string, right: string, how = "connected"): ConnectionTranscript | undefined {
    const log = ctx.transcript?.open(via, left, right);
    if (log === undefined) return undefined;
    log.add({ from: "left", kind: "connect", text: how });
    return new ConnectionTranscript(log);
  }

  /** Octets `from` sent (as written, or as they arrived at the other end). */
  data(from: End, bytes: Buffer): void {
    if (bytes.length === 0) return;
    for (const item of this.decoders[from].push(bytes)) this.log.add({ from, ...item });
  }

  /** `from` closed or reset its end; what it left incomplete is shown first. Once per end. */
  close(from: End, how: string): void {
    if (this.closedEnds.has(from)) return;
    this.closedEnds.add(from);
    for (const item of this.decoders[from].finish()) this.log.add({ from, ...item });
    this.log.add({ from, kind: "close", text: how });
  }

  /** The connection is gone: what either end left incomplete is shown (the other end's close may never be seen). */
  end(): void {
    for (const from of ["left", "right"] as const) for (const item of this.decoders[from].finish()) this.log.add({ from, ...item });
  }
}
