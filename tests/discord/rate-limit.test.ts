import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/discord/rate-limit.js';

describe('createRateLimiter', () => {
  it('allows `limit` requests per window per key, then says how long to wait', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    expect(limiter.take('a')).toEqual({ ok: true });
    now = 10_000;
    expect(limiter.take('a')).toEqual({ ok: true });
    now = 20_000;
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterMs: 40_000 });
    expect(limiter.take('b')).toEqual({ ok: true });
  });

  it('frees a slot as the oldest request leaves the window, and refusals do not count', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: () => now });
    limiter.take('a');
    now = 500;
    expect(limiter.take('a').ok).toBe(false);
    now = 1000;
    expect(limiter.take('a').ok).toBe(true);
  });
});
