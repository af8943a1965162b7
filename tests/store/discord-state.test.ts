import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';

const DAY = 86_400_000;

describe('the store’s Discord state', () => {
  let dataDir: string;
  const open: Store[] = [];
  const openAt = async (now = () => new Date(), retentionDays = 3) => {
    const store = await openStore({ dataDir, retentionDays, now, pruneEveryMs: 0 });
    open.push(store);
    return store;
  };
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'griot-state-'));
  });
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('returns what was put, by kind and key, also to another store opened on the same DATA_DIR (a restart, another shard)', async () => {
    const a = await openAt();
    await a.discord.put('answer', 'x1', { answer: { id: 'x1', citations: [] }, url: 'https://discord.com/channels/1/2/3' });
    await a.discord.put('conversation', 'x1', [{ question: 'q', answer: 'a' }]);
    const b = await openAt();
    expect(await b.discord.get('answer', 'x1')).toEqual({ answer: { id: 'x1', citations: [] }, url: 'https://discord.com/channels/1/2/3' });
    expect(await b.discord.get('conversation', 'x1')).toEqual([{ question: 'q', answer: 'a' }]);
    expect(await b.discord.get('view', 'x1')).toBeUndefined();
  });

  it('replaces a value and restarts its retention on each put', async () => {
    let now = new Date('2026-01-10T00:00:00Z');
    const store = await openAt(() => now);
    await store.discord.put('conversation', 't', ['old'], new Date('2026-01-01T00:00:00Z'));
    expect(await store.discord.get('conversation', 't')).toBeUndefined();
    await store.discord.put('conversation', 't', ['new'], now);
    now = new Date(now.getTime() + 2 * DAY);
    expect(await store.discord.get('conversation', 't')).toEqual(['new']);
  });

  it('forgets values past LOG_RETENTION_DAYS: unreadable at once, removed by the retention pass', async () => {
    let now = new Date('2026-01-10T00:00:00Z');
    const store = await openAt(() => now);
    await store.discord.put('view', 'v', { kind: 'sources' }, now);
    now = new Date(now.getTime() + 4 * DAY);
    expect(await store.discord.get('view', 'v')).toBeUndefined();
    expect((await store.prune(now)).discord_state).toBe(1);
  });
});
