import { afterEach, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/doctor/run.js';
import { openStore } from '../../src/store/sqlite.js';
import { removeDirs, tempDirs } from '../helpers/corpus-dirs.js';

let dirs: { corpusDir: string; dataDir: string } | undefined;
afterEach(async () => {
  if (dirs) await removeDirs(dirs);
  dirs = undefined;
});

describe('doctor: feeds', () => {
  it('says no feed is followed, then names each failing feed with its last error (a warning: the others go on)', async () => {
    dirs = await tempDirs();
    const env = { CORPUS_DIR: dirs.corpusDir, DATA_DIR: dirs.dataDir };
    const none = await runDoctor(env);
    expect(none.checks.find((c) => c.id === 'feeds')).toMatchObject({ status: 'not-configured' });

    const store = await openStore({ dataDir: dirs.dataDir, retentionDays: 30 });
    const at = new Date('2026-03-10T12:00:00Z');
    const good = await store.feeds.add({ url: 'https://news.example/rss', title: 'Nieuws', addedBy: 'cli', at });
    const bad = await store.feeds.add({ url: 'https://gone.example/feed', title: 'Weg', addedBy: 'cli', at });
    await store.feeds.recordPoll({ feedId: good.id, at, ok: true, error: null, failures: 0, nextPollAt: at, added: 2, entries: [] });
    await store.feeds.recordPoll({
      feedId: bad.id,
      at,
      ok: false,
      error: 'refused: https://gone.example/feed answered 404 Not Found; check the link',
      failures: 3,
      nextPollAt: new Date('2026-03-10T12:20:00Z'),
      added: 0,
      entries: [],
    });
    await store.close();

    const report = await runDoctor(env);
    const feeds = report.checks.find((c) => c.id === 'feeds')!;
    expect(feeds.status).toBe('warn');
    expect(feeds.summary).toBe('1 of 2 feeds failing (the others are polled as usual)');
    expect(feeds.details).toEqual([expect.stringMatching(/^#2 https:\/\/gone\.example\/feed: 3× in a row, next try 2026-03-10 12:20 UTC: refused: .*404/)]);
    expect(report.ok).toBe(true);
  });
});
