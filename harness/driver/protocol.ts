/**
 * The driver protocol, version 1 (docs/driver-protocol.md; schema: protocol.schema.json).
 *
 * A driver is a program that runs one ZeroMQ implementation and is driven over its stdin and
 * stdout: one JSON object per line each way, UTF-8. Its first line is a hello; then it answers
 * each request with a response carrying the same id. Frames and topics travel as base64.
 * stderr is free text, kept as evidence. Nothing else may be printed on stdout.
 */
export const PROTOCOL_VERSION = 1;

export interface DriverHello {
  hello: {
    protocol: number;
    /** e.g. "pyzmq", "JeroMQ", "zmq-ipc-conformance reference". */
    name: string;
    /** The real version: for a libzmq binding, the libzmq version (e.g. "4.3.4 (pyzmq 24.0.1)"). */
    version: string;
    capabilities: string[];
    socketTypes: string[];
    /** Optional facts for the report: "linux", the runtime, the process id. */
    platform?: string;
    runtime?: string;
    pid?: number;
  };
}

export type DriverRequest =
  | { id: number; op: "create"; type: string; options: Record<string, unknown> }
  | { id: number; op: "bind" | "unbind" | "connect" | "disconnect"; socket: number; endpoint: string }
  | { id: number; op: "send"; socket: number; frames: string[] }
  | { id: number; op: "receive"; socket: number; timeoutMs: number }
  | { id: number; op: "subscribe" | "unsubscribe"; socket: number; topic: string }
  | { id: number; op: "lastEndpoint" | "close"; socket: number }
  | { id: number; op: "setenv"; vars: Record<string, string | null> }
  | { id: number; op: "chdir"; dir: string };

export type DriverOp = DriverRequest["op"];

export type DriverResponse =
  | { id: number; ok: true; result?: unknown }
  /** The implementation refused the call: code is the errno name (EADDRINUSE, ENAMETOOLONG...). */
  | { id: number; ok: false; error: { code: string; message: string } }
  /** The driver cannot do this at all (outside its declared capabilities, or an unknown op). */
  | { id: number; ok: false; unsupported: string };

export const encodeFrames = (frames: Array<Buffer | string>): string[] => frames.map((frame) => Buffer.from(frame).toString("base64"));

export const decodeFrames = (frames: string[]): Buffer[] => frames.map((frame) => Buffer.from(frame, "base64"));
