import type { Logger } from '../logger.js';
import type { RateDecision, Store } from '../store/types.js';
import { createRateLimiter } from './rate-limit.js';

/** The per-user limit the bot applies: counted in the store, so it holds whichever host or shard answers. */
export interface UserRateLimiter {
  take(userId: string): Promise<RateDecision>;
}

/**
 * RATE_LIMIT_PER_MINUTE over the store's rate limits (keyed by the user's hash, never the id). While
 * the store cannot be reached, this process counts on its own (in memory) rather than letting
 * everyone through or refusing everyone.
 */
export function storeRateLimiter(store: Store, limit: number, logger: Logger, windowMs = 60_000): UserRateLimiter {
  const local = createRateLimiter({ limit, windowMs });
  let failing = false;
  return {
    async take(userId) {
      const key = store.hashUser(userId);
      try {
        const decision = await store.rateLimits.take(key, limit, windowMs);
        if (failing) logger.info('rate limits are counted in the store again');
        failing = false;
        return decision;
      } catch (err) {
        if (!failing) logger.warn({ err }, 'could not count a request in the store; rate limits are counted by this process alone until it can');
        failing = true;
        return local.take(key);
      }
    },
  };
}
