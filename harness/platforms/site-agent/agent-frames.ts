/**
 * The framing of an `exec` connection to the site agent (docker/site-agent/agent.c): after the
 * first JSON line, each frame is 1 octet of kind, 4 octets of length (big endian), the payload.
 */
export const FRAME = {
  /** host -> agent */
  stdin: 0,
  stdinEnd: 1,
  /** agent -> host */
  stdout: 1,
  stderr: 2,
  exited: 3,
  notStarted: 4,
} as const;

const HEADER = 5;

export function encodeFrame(kind: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(HEADER);
  header[0] = kind;
  header.writeUInt32BE(payload.length, 1);
  return Buffer.concat([header, payload]);
}

/** Cuts a byte stream into frames, whatever the chunks it arrives in. */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Array<{ kind: number; payload: Buffer }> {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: Array<{ kind: number; payload: Buffer }> = [];
    while (this.pending.length >= HEADER) {
      const size = this.pending.readUInt32BE(1);
      if (this.pending.length < HEADER + size) break;
      frames.push({ kind: this.pending[0], payload: this.pending.subarray(HEADER, HEADER + size) });
      this.pending = this.pending.subarray(HEADER + size);
    }
    return frames;
  }
}
