/**
 * A reader that closes the pipe early (`zmq-ipc-conformance list | head`, a pager quit halfway)
 * makes the next write fail with EPIPE. Unhandled, that error crashed the command ("harness
 * crashed", exit 2) and, during a run, stopped it before its reports were written. The command
 * goes on instead: what the reader no longer wants is dropped, the reports and the exit code are
 * the same as with a reader to the end.
 */
const READER_GONE = new Set(["EPIPE", "ERR_STREAM_DESTROYED"]);

export function keepGoingWhenReaderLeaves(stream: NodeJS.WritableStream): void {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (READER_GONE.has(err.code ?? "")) return;
    throw err;
  });
}
