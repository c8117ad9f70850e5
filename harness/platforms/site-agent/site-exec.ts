/**
 * Runs a command on a remote site as if it ran here: `node site-exec.js HOST:PORT DIR -- ARGV...`
 * asks the site agent at HOST:PORT to start ARGV in DIR there, and relays this process's stdin to
 * it, its stdout and stderr to this process's, and its exit status back (a signal as 128 + n).
 * A driver on a remote site is started through this program, so the harness's DriverConnection
 * sees an ordinary child process; killing this process closes the connection, and the agent then
 * kills the remote process group.
 */
import * as net from "node:net";
import { parseAgentAddress, showAddress } from "./agent-address";
import { encodeFrame, FRAME, FrameReader } from "./agent-frames";

function fail(message: string): never {
  process.stderr.write(`site-exec: ${message}\n`);
  process.exit(125);
}

function main(args: string[]): void {
  const split = args.indexOf("--");
  if (split !== 2 || args.length < 4) fail("usage: site-exec HOST:PORT DIR -- COMMAND [ARG...]");
  let address;
  try {
    address = parseAgentAddress(args[0]);
  } catch (err) {
    fail((err as Error).message);
  }
  const [, cwd] = args;
  const argv = args.slice(3);
  // No Nagle: each request and answer is a small write that must go at once.
  const socket = net.connect({ port: address.port, host: address.host, noDelay: true });
  let exited = false;
  socket.on("error", (err) => fail(`the site agent at ${showAddress(address)}: ${err.message}`));
  socket.on("connect", () => {
    socket.write(`${JSON.stringify({ op: "exec", argv, cwd })}\n`);
    process.stdin.on("data", (chunk: Buffer) => socket.write(encodeFrame(FRAME.stdin, chunk)));
    process.stdin.on("end", () => socket.write(encodeFrame(FRAME.stdinEnd)));
  });
  const reader = new FrameReader();
  const frames: Array<{ kind: number; payload: Buffer }> = [];
  let waitingForPipe = false;
  let closed = false;
  // One frame at a time, each in its pipe before the next is written: the agent sends what the
  // process wrote to stderr before what it then wrote to stdout, and so must this side. Whoever
  // reads our stdout may kill us as soon as it sees a line there (a driver breaking its protocol):
  // the stderr that explains it must be in our stderr pipe by then, not in our memory waiting for
  // a full pipe to drain.
  const writeFrames = (): void => {
    while (!waitingForPipe && frames.length > 0) {
      const { kind, payload } = frames.shift()!;
      if (kind === FRAME.stdout || kind === FRAME.stderr) {
        const out = kind === FRAME.stdout ? process.stdout : process.stderr;
        out.write(payload);
        if (out.writableLength === 0) continue;
        waitingForPipe = true;
        socket.pause();
        out.write("", () => {
          waitingForPipe = false;
          socket.resume();
          writeFrames();
        });
      } else if (kind === FRAME.notStarted) fail(`the site could not start ${argv.join(" ")}: ${payload.toString("utf8")}`);
      else if (kind === FRAME.exited) {
        exited = true;
        const end = JSON.parse(payload.toString("utf8")) as { status?: number; signal?: number };
        // What was written to stdout and stderr is flushed before the exit.
        const code = end.signal !== undefined ? 128 + end.signal : (end.status ?? 1);
        process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
      }
    }
    // Every frame the agent sent is written: a connection that ended without the exit is a failure.
    if (closed && !exited && !waitingForPipe && frames.length === 0) {
      fail(`the site agent at ${showAddress(address)} closed the connection before ${argv[0]} exited`);
    }
  };
  socket.on("data", (chunk: Buffer) => {
    for (const frame of reader.push(chunk)) frames.push(frame);
    writeFrames();
  });
  socket.on("close", () => {
    closed = true;
    writeFrames();
  });
}

main(process.argv.slice(2));
