import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { dirsApp, removeDirs, tempDirs, trackApps } from '../helpers/corpus-dirs.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const IMPORTER = fileURLToPath(new URL('./fixtures/import-articles.ts', import.meta.url));
const track = trackApps(afterEach);

/** Runs the importer until it reported `after` articles, then kills it with SIGKILL; resolves with the ids it reported. */
function importThenKill(dirs: { corpusDir: string; dataDir: string }, after: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', IMPORTER, dirs.corpusDir, dirs.dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const ids: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      ids.push(...lines);
      if (ids.length >= after && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(ids) : reject(new Error(`importer exited with ${code}: ${stderr}`))));
  });
}

describe('an import under kill -9', () => {
  it('leaves the store and the index agreeing: every article the store holds is answerable after a restart', { timeout: 120_000 }, async () => {
    const dirs = await tempDirs();
    try {
      const first = await importThenKill(dirs, 3);
      const second = await importThenKill(dirs, 2);
      const app = track(await dirsApp(dirs));
      const stored = (await app.store.documents.list()).map((d) => d.id).sort();
      const indexed = app.engine.documents().map((d) => d.id).sort();
      expect(indexed).toEqual(stored);
      for (const id of [...first, ...second]) expect(stored).toContain(id);
      // The last one written before the kill is searchable by its own mark.
      const last = (await app.store.documents.list({ source: 'url' })).length - 1;
      expect(app.engine.search(`Kenmerk ${last}x${last}`)[0]?.doc.title).toBe(`Artikel ${last}`);
      // And the next reindex finds nothing left to do.
      expect(await app.engine.reindex()).toMatchObject({ added: [], changed: [], removed: [] });
      await app.store.close();
    } finally {
      await removeDirs(dirs);
    }
  });
});
