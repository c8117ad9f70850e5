/**
 * Ends the process once everything written to stdout and stderr has been handed to the reader.
 * The commands exit explicitly (an implementation under test that leaks a handle must not hold a
 * run open), but process.exit() drops what a pipe could not take yet: with a reader slower than
 * the writer (a loaded CI machine, `| less`), the end of the output, the verdict, was lost.
 */
export async function exitAfterOutput(code: number): Promise<never> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

/** Settles when the stream has passed on every byte written so far (or failed: a reader that went away). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.writableLength === 0 || stream.destroyed) return resolve();
    stream.write("", () => resolve());
  });
}
