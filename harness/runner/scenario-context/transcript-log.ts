import { TRANSCRIPT_LIMITS, type ConnectionLog, type TranscriptConnection, type TranscriptEvent, type TranscriptRecorder } from "../../model/transcript";

/**
 * A cell's transcript while it runs (the runner's TranscriptRecorder): connections and events in
 * the order they happen, timed from the cell's start, within TRANSCRIPT_LIMITS. What falls beyond
 * the bounds is counted, so a truncated transcript says how much it left out.
 */
export class TranscriptLog implements TranscriptRecorder {
  private readonly kept: Array<{ id: number; via: TranscriptConnection["via"]; left: string; right: string; events: TranscriptEvent[] }> = [];
  private events = 0;
  private omittedConnections = 0;
  private omittedEvents = 0;

  constructor(private readonly startedAt: number = performance.now()) {}

  open(via: TranscriptConnection["via"], left: string, right: string): ConnectionLog | undefined {
    if (this.kept.length >= TRANSCRIPT_LIMITS.connections) {
      this.omittedConnections++;
      return undefined;
    }
    const connection = { id: this.kept.length + 1, via, left, right, events: [] as TranscriptEvent[] };
    this.kept.push(connection);
    return {
      add: (event) => {
        if (this.events >= TRANSCRIPT_LIMITS.events) {
          this.omittedEvents++;
          return;
        }
        this.events++;
        connection.events.push({ ms: Math.round((performance.now() - this.startedAt) * 10) / 10, ...event });
      },
    };
  }

  /** What was recorded, for the row. */
  connections(): TranscriptConnection[] {
    return this.kept.map((c) => ({ ...c, events: [...c.events] }));
  }

  /** What the bounds left out, or undefined when nothing was. */
  omitted(): { connections: number; events: number } | undefined {
    return this.omittedConnections + this.omittedEvents === 0 ? undefined : { connections: this.omittedConnections, events: this.omittedEvents };
  }
}
