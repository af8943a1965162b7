/** The outcome of asking the rate limiter for one more request. */
export type RateDecision = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

export interface RateLimiter {
  /** Counts a request by `key` when allowed; otherwise says how long until the next one is. */
  take(key: string): RateDecision;
}

/**
 * A sliding-window limiter: at most `limit` requests per key in any `windowMs`. Time comes from
 * `now` so that tests need no clock.
 */
export function createRateLimiter(options: { limit: number; windowMs?: number; now?: () => number }): RateLimiter {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const log = new Map<string, number[]>();
  return {
    take(key) {
      const t = now();
      const recent = (log.get(key) ?? []).filter((at) => t - at < windowMs);
      if (recent.length >= options.limit) {
        log.set(key, recent);
        return { ok: false, retryAfterMs: recent[0]! + windowMs - t };
      }
      recent.push(t);
      log.set(key, recent);
      // Forget idle keys so the map does not grow with every user ever seen.
      if (log.size > 10_000) for (const [k, v] of log) if (v.every((at) => t - at >= windowMs)) log.delete(k);
      return { ok: true };
    },
  };
}
