import { execFile } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/sqlite.js';
import { tempDataDir } from './helpers.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OPENER = fileURLToPath(new URL('./fixtures/open-and-record.ts', import.meta.url));

describe('many processes creating the store at once', () => {
  let dir: string | undefined;
  afterEach(async () => dir && rm(dir, { recursive: true, force: true }));

  it('creates it once: every process opens it with no problem and every answer is logged', async () => {
    dir = await tempDataDir();
    const processes = 20;
    // Far enough ahead that every process has loaded before the moment they all open the fresh DATA_DIR.
    const startAt = Date.now() + 12_000;
    const results = await Promise.allSettled(
      Array.from({ length: processes }, (_, i) => run(process.execPath, ['--import', 'tsx', OPENER, dir!, String(startAt), `p${i}`], { cwd: ROOT, timeout: 120_000 })),
    );
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [String((r.reason as { stderr?: string }).stderr ?? r.reason)] : []));
    expect(failures).toEqual([]);
    for (const r of results) if (r.status === 'fulfilled') expect(JSON.parse(r.value.stdout)).toEqual([]);
    const store = await openStore({ dataDir: dir, retentionDays: 90, pruneEveryMs: 0 });
    expect((await store.answers.stats({ days: 1 })).questions).toBe(processes * 10);
    expect(store.problems).toEqual([]);
    await store.close();
    // No salt file was found half-written and moved aside.
    expect((await readdir(dir)).filter((f) => f.includes('.damaged-'))).toEqual([]);
  }, 180_000);
});
