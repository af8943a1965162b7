import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { dirsApp, tempDirs } from '../helpers/corpus-dirs.js';

const apps: App[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.engine.close();
});
const track = <T extends App>(app: T) => (apps.push(app), app);
const ids = (app: App) => app.engine.documents().map((d) => d.id).sort();

describe('engine.reloadSaved', () => {
  it('serves the index another process saved, once; then reports nothing new', async () => {
    const dirs = await tempDirs();
    const shard = track(await dirsApp(dirs));
    await writeFile(join(dirs.corpusDir, 'delta.txt'), 'Een nieuw artikel over Sévaré en de Malinese junta.');
    const other = track(await dirsApp(dirs));
    await other.engine.reindex();

    expect(await shard.engine.reloadSaved()).toBe(true);
    expect(ids(shard)).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    expect(shard.engine.search('Sévaré').map((h) => h.doc.id)).toEqual(['delta']);
    expect(await shard.engine.reloadSaved()).toBe(false);
  });

  it('reports false when the saved index is the one it serves (its own reindex)', async () => {
    const dirs = await tempDirs();
    const shard = track(await dirsApp(dirs));
    await writeFile(join(dirs.corpusDir, 'delta.txt'), 'Een nieuw artikel over Sévaré.');
    await shard.engine.reindex();
    expect(await shard.engine.reloadSaved()).toBe(false);
    expect(ids(shard)).toContain('delta');
  });
});
