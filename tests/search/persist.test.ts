import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyser } from '../../src/search/analyser.js';
import { corpusFingerprint, loadIndex, saveIndex } from '../../src/search/persist.js';
import { seedIndex } from '../helpers/seeds.js';

const tmp = () => mkdtemp(join(tmpdir(), 'griot-persist-'));

describe('corpusFingerprint', () => {
  it('ignores file order and changes when a byte or the pipeline version changes', () => {
    const a = [{ file: 'a.txt', hash: '1' }, { file: 'b.txt', hash: '2' }];
    expect(corpusFingerprint(a, 1)).toBe(corpusFingerprint([...a].reverse(), 1));
    expect(corpusFingerprint(a, 1)).not.toBe(corpusFingerprint([{ file: 'a.txt', hash: '1' }, { file: 'b.txt', hash: '3' }], 1));
    expect(corpusFingerprint(a, 1)).not.toBe(corpusFingerprint(a, 2));
  });
});

describe('saveIndex / loadIndex', () => {
  it('loads back an index that answers like the original', async () => {
    const dir = await tmp();
    const index = await seedIndex();
    await saveIndex(join(dir, 'index.json'), index, 'fp');
    const loaded = await loadIndex(join(dir, 'index.json'), 'fp', new Analyser());
    expect(loaded.reason).toBeNull();
    expect(loaded.index?.search('Wagner').map((h) => h.passage.id)).toEqual(index.search('Wagner').map((h) => h.passage.id));
  });

  it('leaves no temporary file behind', async () => {
    const dir = await tmp();
    await saveIndex(join(dir, 'index.json'), await seedIndex(), 'fp');
    expect(await readdir(dir)).toEqual(['index.json']);
  });

  it('refuses an index built from another corpus', async () => {
    const dir = await tmp();
    await saveIndex(join(dir, 'index.json'), await seedIndex(), 'fp');
    const loaded = await loadIndex(join(dir, 'index.json'), 'other', new Analyser());
    expect(loaded.index).toBeNull();
    expect(loaded.reason).toMatch(/corpus changed/);
  });

  it('reports a truncated file as corrupt instead of throwing', async () => {
    const dir = await tmp();
    const path = join(dir, 'index.json');
    await saveIndex(path, await seedIndex(), 'fp');
    const full = await readFile(path, 'utf8');
    await writeFile(path, full.slice(0, full.length / 2));
    const loaded = await loadIndex(path, 'fp', new Analyser());
    expect(loaded.index).toBeNull();
    expect(loaded.reason).toMatch(/corrupt/);
  });

  it('reports a file whose postings were overwritten (same size) as corrupt instead of loading a wrong index', async () => {
    const dir = await tmp();
    const path = join(dir, 'index.json');
    await saveIndex(path, await seedIndex(), 'fp');
    const bytes = await readFile(path);
    const headerEnd = bytes.indexOf(10) + 1;
    const sizes = (JSON.parse(bytes.subarray(0, headerEnd).toString('utf8')) as { snapshot: { sections: Record<string, number> } }).snapshot.sections;
    const postingsAt = headerEnd + (sizes.meta ?? 0) + (sizes.passages ?? 0) + (sizes.textStart ?? 0);
    bytes.write('#'.repeat(64), postingsAt + 100);
    await writeFile(path, bytes);
    const loaded = await loadIndex(path, 'fp', new Analyser());
    expect(loaded.index).toBeNull();
    expect(loaded.reason).toMatch(/corrupt/);
  });

  it('says there is no saved index yet when the file is missing', async () => {
    const loaded = await loadIndex(join(await tmp(), 'index.json'), 'fp', new Analyser());
    expect(loaded.reason).toBe('no saved index yet');
  });
});
