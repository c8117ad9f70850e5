/**
 * Time limits of the interop and wire tests. Tests synchronise on events; a limit only bounds
 * how long we wait, either to show that something does NOT happen (QUIET_LIMIT_MS) or to turn a
 * hang into a readable failure well before jest's own 30 s timeout (EVENT_LIMIT_MS).
 * Slow machines scale both with TIMEOUT_MULTIPLIER.
 */
const multiplier = Number(process.env.TIMEOUT_MULTIPLIER ?? 1);

/** How long a message must fail to arrive before we conclude that it never will. */
export const QUIET_LIMIT_MS = 150 * multiplier;

/** The longest an expected event (a message, a 'close', some bytes) may take. */
export const EVENT_LIMIT_MS = 10_000 * multiplier;
