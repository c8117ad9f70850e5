/**
 * Some conditions give no event to wait for: a PUB does not say when a subscription reached it,
 * a ROUTER does not say when a peer's handshake completed. There we retry an action until its
 * effect shows (a probe arrives, a send is routable); this is the cadence of those retries. It
 * decides nothing: the test goes on as soon as the effect shows, and fails only on the event limit.
 */
export const RETRY_EVERY_MS = 2;

export function nextRetry(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
}
