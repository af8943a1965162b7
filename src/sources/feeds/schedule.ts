/** When a feed is polled next. Pure. */

const MINUTE_MS = 60_000;
/** First retry of a failing feed. */
export const FIRST_RETRY_MS = 5 * MINUTE_MS;
/** A failing feed is still tried at least this often. */
export const MAX_RETRY_MS = 12 * 60 * MINUTE_MS;

/**
 * The next poll: one interval after a poll that worked; after `failures` failed polls in a row,
 * 5 minutes doubled for each further failure (5, 10, 20, 40 min…), at most 12 hours.
 */
export function nextPollAt(now: Date, failures: number, intervalMs: number): Date {
  if (failures <= 0) return new Date(now.getTime() + intervalMs);
  const delay = Math.min(FIRST_RETRY_MS * 2 ** Math.min(failures - 1, 20), MAX_RETRY_MS);
  return new Date(now.getTime() + delay);
}
