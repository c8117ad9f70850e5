/**
 * Limits and synchronisation for the behaviour-* tests. Every wait is on an event (a message, a
 * file appearing, a child's message) and is only BOUNDED by a limit: a limit is never a sleep.
 * Slow machines scale every limit with TIMEOUT_MULTIPLIER.
 */
export const TIMEOUT_MULTIPLIER = Number(process.env.TIMEOUT_MULTIPLIER ?? 1);

/** How long any single awaited event (a message, a connection, a file) may take. */
export const EVENT_LIMIT_MS = 5_000 * TIMEOUT_MULTIPLIER;

/** How long a child process may take to start, do its part and report. */
export const CHILD_LIMIT_MS = 15_000 * TIMEOUT_MULTIPLIER;

/** Resolves once `condition()` holds, checking on every turn of the event loop; rejects after the limit. */
export function waitFor(condition: () => boolean, what: string, limitMs: number = EVENT_LIMIT_MS): Promise<void> {
  const deadline = Date.now() + limitMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      let done: boolean;
      try {
        done = condition();
      } catch (err) {
        return reject(err);
      }
      if (done) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out after ${limitMs} ms waiting for ${what}`));
      setImmediate(check);
    };
    check();
  });
}

/** Like waitFor, for a condition that needs I/O to answer: asked again on the next turn until it holds. */
export async function waitForAsync(condition: () => Promise<boolean>, what: string, limitMs: number = EVENT_LIMIT_MS): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${limitMs} ms waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The promise's outcome, or a rejection naming `what` once the limit has passed. */
export function within<T>(promise: Promise<T>, what: string, limitMs: number = EVENT_LIMIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${limitMs} ms waiting for ${what}`)), limitMs);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** The error a call or promise failed with (a synchronous throw counts); fails the test if it succeeded. */
export async function failure(action: Promise<unknown> | (() => unknown)): Promise<Error & { code?: string }> {
  try {
    const result = typeof action === "function" ? action() : action;
    await result;
  } catch (err) {
    return err as Error & { code?: string };
  }
  throw new Error("expected the operation to fail, but it succeeded");
}

/** The error a call threw SYNCHRONOUSLY (connect must fail at once, not later). */
export function syncFailure(action: () => unknown): Error & { code?: string } {
  try {
    action();
  } catch (err) {
    return err as Error & { code?: string };
  }
  throw new Error("expected the call to throw synchronously, but it returned");
}

/** Text of the frames of a received message. */
export function text(frames: Buffer[]): string[] {
  return frames.map((frame) => frame.toString("utf8"));
}

/**
 * What a reference error says beyond zeromq.js's errno text: its reason, then the endpoint, as the
 * harness reports it ("endpoint is not bound by this socket: ipc:///tmp/x"). Another error: its message.
 */
export function explain(err: Error & { reason?: string; address?: string }): string {
  if (err.reason === undefined) return err.message;
  return err.address === undefined ? err.reason : `${err.reason}: ${err.address}`;
}
