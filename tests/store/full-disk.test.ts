import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { askCommand } from '../../src/cli/ask.js';
import { recordAnswer } from '../../src/store/record-answer.js';
import { openStore, STORE_FILE } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { testApp } from '../helpers/app.js';
import { captureIo } from '../helpers/io.js';
import { entry } from './helpers.js';

/** Fills a store capped at a few pages until SQLite says what a full disk says, even to the smallest record. */
async function fill(store: Store): Promise<Error> {
  let last: Error | undefined;
  for (const question of [`${'padding '.repeat(50)}`, 'x']) {
    for (let i = 0; i < 10_000; i++) {
      try {
        await store.answers.record(entry({ question, citedDocIds: [] }));
      } catch (err) {
        last = err as Error;
        break;
      }
    }
  }
  if (!last) throw new Error('the store never filled up');
  return last;
}

describe('answer logging on a full disk', () => {
  let dataDir: string | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
  });

  it('npm run ask still prints the answer and exits 0, with a warning naming the write error', async () => {
    const app = await testApp();
    dataDir = app.config.dataDir;
    await app.store.close();
    store = await openStore({ dataDir, retentionDays: 90, pruneEveryMs: 0, maxPages: 12 });
    expect((await fill(store)).message).toMatch(/database or disk is full/);

    const io = captureIo();
    const code = await askCommand({ ...app, store }, ['Welk land is bereid om als thuisbasis te dienen?'], io);
    expect(code).toBe(0);
    expect(io.stdout).toMatch(/Niger/);
    expect(io.stdout).toMatch(/Sources:/);
    const warning = app.logs.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'could not write the answer log; the answer was given anyway');
    expect(warning).toMatchObject({ level: 40, err: { message: expect.stringMatching(/database or disk is full/) } });
  });

  it('recordAnswer resolves false instead of rejecting when the store is closed under it', async () => {
    const app = await testApp();
    dataDir = app.config.dataDir;
    await app.store.close();
    const answer = await app.engine.ask('Welk land is bereid om als thuisbasis te dienen?');
    expect(await recordAnswer(app.store, app.logger, answer, { source: 'cli' })).toBe(false);
    expect(app.logs.text).toMatch(/could not write the answer log/);
  });
});

describe('a store that cannot be opened', () => {
  let dataDir: string | undefined;
  afterEach(async () => dataDir && rm(dataDir, { recursive: true, force: true, maxRetries: 5 }));

  it('never stops npm run ask: the answer is printed, and the warning names the file and the reason', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'griot-data-'));
    // A folder where the database file should be: SQLite cannot open it.
    await mkdir(join(dataDir, STORE_FILE));
    const app = await testApp({ DATA_DIR: dataDir });
    const io = captureIo();
    expect(await askCommand(app, ['Welk land is bereid om als thuisbasis te dienen?'], io)).toBe(0);
    expect(io.stdout).toMatch(/Niger/);
    const lines = app.logs.lines.map((l) => JSON.parse(l));
    expect(lines.find((l) => /^the store could not be opened, nothing is logged until it can: could not open the store .*griot\.sqlite/.test(l.msg))).toBeDefined();
    expect(lines.find((l) => l.msg === 'could not write the answer log; the answer was given anyway')?.err.message).toMatch(/the store is unavailable/);
    await expect(app.store.answers.stats({ days: 1 })).rejects.toThrow(/the store is unavailable: could not open the store/);
  });
});
