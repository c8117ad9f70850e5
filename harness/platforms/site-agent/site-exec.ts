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
  const frames = new FrameReader();
  socket.on("data", (chunk: Buffer) => {
    for (const { kind, payload } of frames.push(chunk)) {
      if (kind === FRAME.stdout) process.stdout.write(payload);
      else if (kind === FRAME.stderr) process.stderr.write(payload);
      else if (kind === FRAME.notStarted) fail(`the site could not start ${argv.join(" ")}: ${payload.toString("utf8")}`);
      else if (kind === FRAME.exited) {
        exited = true;
        const end = JSON.parse(payload.toString("utf8")) as { status?: number; signal?: number };
        // What was written to stdout and stderr is flushed before the exit.
        const code = end.signal !== undefined ? 128 + end.signal : (end.status ?? 1);
        process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
      }
    }
  });
  socket.on("close", () => {
    if (!exited) fail(`the site agent at ${showAddress(address)} closed the connection before ${argv[0]} exited`);
  });
}

main(process.argv.slice(2));
