import type { Transcript, TranscriptConnection } from "../model/transcript";

/**
 * A transcript as terminal text (the `trace` command, junit.xml): one block per connection, one
 * line per event with its time and direction ("->" from the connecting end to the
 * implementation's, "<-" back), the item's octets indented under it.
 */
export function transcriptText(transcript: Transcript): string {
  return [transcriptHeading(transcript), ...transcript.connections.flatMap(connectionLines)].join("\n");
}

/** "transcript: 3 connections, recorded in a re-run (which ended fail)"; what the bounds left out. */
export function transcriptHeading(transcript: Transcript): string {
  const n = transcript.connections.length;
  const how = transcript.recorded === "rerun" ? `, recorded in a re-run of the cell (which ended ${transcript.rerunOutcome ?? "?"})` : "";
  const omitted = transcript.omitted;
  const left = omitted === undefined ? "" : `; left out: ${omitted.connections} more connections, ${omitted.events} more events`;
  return `transcript: ${n === 0 ? "no connection recorded" : `${n} connection${n === 1 ? "" : "s"}`}${how}${left}`;
}

function connectionLines(connection: TranscriptConnection): string[] {
  const lines = [`connection ${connection.id} (${connection.via}): ${connection.left} -> ${connection.right}`];
  for (const event of connection.events) {
    const who = event.from === "left" ? connection.left : connection.right;
    const arrow = event.kind === "close" || event.kind === "connect" ? "  " : event.from === "left" ? "->" : "<-";
    const text = event.kind === "close" || event.kind === "connect" ? `${who}: ${event.text}` : event.text;
    lines.push(`  ${event.ms.toFixed(1).padStart(9)} ms ${arrow} ${text}`);
    if (event.hex !== undefined) lines.push(`  ${" ".repeat(16)}${event.hex}`);
  }
  return lines;
}
