import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../src/llm/limiter.js';

describe('createLimiter', () => {
  it('lets at most max holders in and serves waiters first come, first served', async () => {
    const limiter = createLimiter(2);
    const order: string[] = [];
    const a = await limiter.acquire();
    const b = await limiter.acquire();
    const c = limiter.acquire().then((r) => (order.push('c'), r));
    const d = limiter.acquire().then((r) => (order.push('d'), r));
    expect(limiter.active).toBe(2);
    expect(limiter.queued).toBe(2);
    b();
    b(); // a second release of the same slot changes nothing
    const rc = await c;
    expect(order).toEqual(['c']);
    expect(limiter.queued).toBe(1);
    a();
    const rd = await d;
    expect(order).toEqual(['c', 'd']);
    rc();
    rd();
    expect(limiter.active).toBe(0);
  });

  it('drops a waiter whose signal aborts and rejects its promise', async () => {
    const limiter = createLimiter(1);
    const held = await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    expect(limiter.queued).toBe(0);
    held();
    expect(limiter.active).toBe(0);
  });

  it('refuses a concurrency below 1', () => {
    expect(() => createLimiter(0)).toThrow(/≥ 1/);
  });
});
