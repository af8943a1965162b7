import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startFeedPolling } from '../../../src/sources/feeds/poll-timer.js';
import { nextPollAt } from '../../../src/sources/feeds/schedule.js';
import { decodeFeed } from '../../../src/sources/feeds/service.js';

const now = new Date('2026-03-10T12:00:00Z');
const minutes = (d: Date) => (d.getTime() - now.getTime()) / 60_000;

describe('nextPollAt', () => {
  it('polls again one interval after a poll that worked', () => {
    expect(minutes(nextPollAt(now, 0, 30 * 60_000))).toBe(30);
  });
  it('backs off a failing feed: 5, 10, 20 minutes … at most 12 hours', () => {
    expect([1, 2, 3, 4].map((f) => minutes(nextPollAt(now, f, 30 * 60_000)))).toEqual([5, 10, 20, 40]);
    expect(minutes(nextPollAt(now, 50, 30 * 60_000))).toBe(12 * 60);
  });
});

describe('decodeFeed', () => {
  it('reads the encoding the XML declaration names when the server sends none', () => {
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Société générale</title></channel></rss>', 'latin1');
    expect(decodeFeed(latin1, null)).toContain('Société générale');
    expect(decodeFeed(Buffer.from('<rss><title>Société</title></rss>'), 'utf-8')).toContain('Société');
  });
});

describe('startFeedPolling', () => {
  it('polls due feeds on every tick, never two polls at once, and stops', async () => {
    let running = 0;
    let overlapped = false;
    let polls = 0;
    const service = {
      poll: async () => {
        if (running > 0) overlapped = true;
        running++;
        await new Promise((r) => setTimeout(r, 30));
        running--;
        polls++;
        return { feeds: [], added: 0, reindexed: false, timings: { syncMs: 0, feedsMs: 0, reindexMs: 0 } };
      },
    };
    const polling = startFeedPolling(service, { intervalMs: 5, firstAfterMs: 0, logger: pino({ level: 'silent' }) });
    for (let i = 0; i < 400 && polls < 3; i++) await new Promise((r) => setTimeout(r, 25));
    polling.stop();
    const after = polls;
    await new Promise((r) => setTimeout(r, 100));
    expect(after).toBeGreaterThanOrEqual(3);
    expect(polls - after).toBeLessThanOrEqual(1); // at most the poll already running finishes
    expect(overlapped).toBe(false);
  });
});
