import { EVENT_LIMIT_MS } from "./limits";

/**
 * Waits for `promise`, failing with a message naming `what` if it has not settled within `ms`.
 * The timer never keeps the process alive and is cleared as soon as the promise settles.
 */
export async function within<T>(promise: Promise<T>, what: string, ms: number = EVENT_LIMIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}
