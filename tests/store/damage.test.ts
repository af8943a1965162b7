import { existsSync } from 'node:fs';
import { open as openFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, STORE_FILE } from '../../src/store/sqlite.js';
import { entry, storesClosedAfterEach } from './helpers.js';

const NOW = new Date('2026-03-10T18:00:00Z');
const PAGE = 4096;

describe('openStore on a damaged file', () => {
  const stores = storesClosedAfterEach({ now: NOW, retentionDays: 3650 });
  const start = async (dataDir: string) => (await stores.start({ dataDir })).store;
  const dataDir = stores.dataDir;

  it('reports a file that is not a database at all, moves it aside and starts a new one that works', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, STORE_FILE), 'this is not an SQLite database, just text someone saved here\n'.repeat(100));
    const store = await start(dir);
    expect(store.problems).toHaveLength(1);
    expect(store.problems[0]!.message).toMatch(/griot\.sqlite was damaged .*nothing in it could be read.*a new one was started/);
    expect(existsSync(store.problems[0]!.movedTo!)).toBe(true);
    await store.answers.record(entry());
    expect((await store.answers.stats({ days: 1, now: NOW })).questions).toBe(1);
  });

  it('keeps the readable records when pages in the middle are garbage, reports how many were skipped, and logs again', async () => {
    const dir = await dataDir();
    const first = await start(dir);
    const total = 1500;
    for (let i = 0; i < total; i++) {
      await first.answers.record(entry({ question: `Question number ${i} about the Sahel and the mission?`, refused: i % 3 === 0 }));
    }
    await first.close();
    const file = join(dir, STORE_FILE);
    const pages = Math.floor((await stat(file)).size / PAGE);
    // Three pages of random bytes, 40% into the file (well past the schema on page 1).
    const handle = await openFile(file, 'r+');
    const at = Math.floor(pages * 0.4);
    await handle.write(Buffer.alloc(3 * PAGE, 0xa5), 0, 3 * PAGE, at * PAGE);
    await handle.close();

    const store = await start(dir);
    expect(store.problems).toHaveLength(1);
    const [problem] = store.problems;
    expect(problem!.message).toMatch(/griot\.sqlite was damaged .*; kept \d+ answers, 0 votes, 0 discord_state, 0 auto_answer_posts, 0 rate_events, 0 documents, 0 document_urls, 0 folder_files, 0 feeds, 0 feed_entries, skipped about \d+ unreadable records/);
    expect(existsSync(problem!.movedTo!)).toBe(true);
    const kept = (await store.answers.stats({ days: 1, now: NOW })).questions;
    // The rest is kept: at most the rows of the three garbage pages (a few dozen each) are lost.
    expect(kept).toBeGreaterThan(total - 3 * 60);
    expect(kept).toBeLessThanOrEqual(total);
    await store.answers.record(entry({ question: 'after the repair' }));
    expect((await store.answers.stats({ days: 1, now: NOW })).questions).toBe(kept + 1);
    await store.close();
    // Repaired for good: the next start finds nothing wrong.
    expect((await start(dir)).problems).toEqual([]);
  });
});

describe('openStore on a truncated file', () => {
  const stores = storesClosedAfterEach({ now: NOW, retentionDays: 3650 });
  const start = async (dataDir: string) => (await stores.start({ dataDir })).store;

  /** A store of `total` answers and some votes, closed, then cut to `size(bytes)`. */
  async function truncated(total: number, size: (bytes: number) => number): Promise<string> {
    const dir = await stores.dataDir();
    // Filled without a sync per record (as the store bench fills), to keep the test quick.
    const first = await openStore({ dataDir: dir, retentionDays: 3650, now: () => NOW, pruneEveryMs: 0, synchronous: 'normal' });
    for (let i = 0; i < total; i++) {
      await first.answers.record(entry({ answerId: `t${i}`, question: `Question number ${i} about the Sahel and the mission?`, refused: i % 3 === 0 }));
      if (i % 10 === 0) await first.votes.record({ answerId: `t${i}`, userId: `u${i}`, vote: 'up', at: NOW });
    }
    await first.close();
    const file = join(dir, STORE_FILE);
    await truncate(file, size((await stat(file)).size));
    return dir;
  }

  it('keeps the answers a file cut by its last page still holds (truncate -s -4096)', async () => {
    const total = 3000;
    const store = await start(await truncated(total, (bytes) => bytes - PAGE));
    expect(store.problems).toHaveLength(1);
    expect(store.problems[0]!.message).toMatch(/kept \d+ answers, \d+ votes/);
    const stats = await store.answers.stats({ days: 1, now: NOW });
    expect(stats.questions).toBeGreaterThan(total * 0.9);
    // Votes live on the later pages: most of the 300 are there too.
    expect(stats.votes.up).toBeGreaterThan(200);
  });

  it('keeps what the first half of a file cut in half holds', async () => {
    const total = 3000;
    const store = await start(await truncated(total, (bytes) => Math.floor(bytes / 2 / PAGE) * PAGE));
    expect(store.problems[0]!.message).toMatch(/kept \d+ answers/);
    const kept = (await store.answers.stats({ days: 1, now: NOW })).questions;
    expect(kept).toBeGreaterThan(total * 0.2);
  });
});
