import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, STORE_FILE } from '../../src/store/sqlite.js';
import { tempDataDir } from './helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WRITER = fileURLToPath(new URL('./fixtures/write-answers.ts', import.meta.url));

/** Starts the writer, lets it commit at least `after` records, then kills it with SIGKILL; resolves with the ids it reported committed (ids start with `prefix`). */
function writeThenKill(dataDir: string, prefix: string, after: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, prefix], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const ids: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      // Ids read after the kill was sent still count: they were committed before it.
      ids.push(...lines);
      if (ids.length >= after && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(ids) : reject(new Error(`writer exited with ${code}: ${stderr}`))));
  });
}

describe('the answer log under kill -9', () => {
  let dir: string | undefined;
  afterEach(async () => dir && rm(dir, { recursive: true, force: true }));

  it('keeps every record committed before the kill, with no hole, losing at most the one being written', async () => {
    dir = await tempDataDir();
    // Twice: the second writer starts on the file the first was killed writing.
    const runs = { a: await writeThenKill(dir, 'a', 40), b: await writeThenKill(dir, 'b', 40) };
    const db = new Database(join(dir, STORE_FILE), { readonly: true });
    const ids = db.prepare('SELECT id FROM answers ORDER BY rowid').pluck().all() as string[];
    const complete = db.prepare("SELECT count(*) FROM answers WHERE length(question) > 200 AND cited LIKE '[%]' AND user_hash IS NOT NULL").pluck().get();
    db.close();
    for (const [prefix, reported] of Object.entries(runs)) {
      const mine = ids.filter((id) => id.startsWith(prefix));
      expect(reported.length).toBeGreaterThanOrEqual(40);
      for (const id of reported) expect(mine).toContain(id);
      // A prefix: 0 … n-1 with nothing missing in between; only the record being written at the kill can be absent.
      expect(mine.map((id) => Number(id.slice(1)))).toEqual(mine.map((_, i) => i));
    }
    expect(complete).toBe(ids.length);
    // And the file is sound: opening it finds nothing to repair.
    const store = await openStore({ dataDir: dir, retentionDays: 90, pruneEveryMs: 0 });
    expect(store.problems).toEqual([]);
    expect((await store.answers.stats({ days: 1 })).questions).toBe(ids.length);
    await store.close();
  });
});
