/**
 * The line protocol between the harness and a child process that runs an in-process
 * implementation on its behalf (cross-process scenarios). One JSON object per line each way;
 * frames travel as base64. It is deliberately the shape of the driver protocol to come.
 */
export type ChildRequest =
  | { id: number; op: "create"; type: string; options: Record<string, unknown> }
  | { id: number; op: "call"; socket: number; method: string; args: unknown[] };

export type ChildResponse =
  | { id: number; ok: true; result?: unknown }
  | { id: number; ok: false; code: string; message: string };

export interface ChildHello {
  hello: { id: string; name: string; version: string; capabilities: string[]; pid: number };
}

export const encodeFrames = (frames: Array<Buffer | string>): string[] =>
  frames.map((frame) => Buffer.from(frame).toString("base64"));

export const decodeFrames = (frames: string[]): Buffer[] => frames.map((frame) => Buffer.from(frame, "base64"));
