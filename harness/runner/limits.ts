/**
 * Every limit in the harness is a base value times one multiplier (TIMEOUT_MULTIPLIER or
 * --timeout-multiplier), so a slow machine scales all of them at once. Limits bound how long we
 * wait for an event; nothing ever sleeps for them.
 */
export function timeoutMultiplier(): number {
  const raw = process.env.TIMEOUT_MULTIPLIER;
  if (raw === undefined || raw === "") return 1;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`TIMEOUT_MULTIPLIER must be a positive number, got "${raw}"`);
  }
  return value;
}

/** How long a scenario may wait for a message that should come. */
export const ARRIVAL_LIMIT_MS = 2000;
/** How long a scenario watches for a message that should NOT come (this is the only kind of wait that costs its full length). */
export const SILENCE_LIMIT_MS = 150;
/** A whole scenario's hard limit, unless it sets its own. */
export const SCENARIO_LIMIT_MS = 8000;
