import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dirsApp, tempDirs, trackApps } from '../helpers/corpus-dirs.js';

const track = trackApps(afterEach);

const DATED = {
  'alpha.txt': ' date 2021-10 Op 2 oktober landden Russische huurlingen van Wagner in Bamako.',
  'beta.txt': ' date 2021-06 In 2022 moet de Europese taskforce Takuba Barkhane vervangen.',
  'gamma.txt': ' date 2022-02 Les soldats français quittent la base de Gao le 17 février.',
};

/** The fields of the JSON log line with this message. */
function logged(lines: readonly string[], msg: string): Record<string, unknown> {
  const line = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === msg);
  if (!line) throw new Error(`no "${msg}" log line`);
  return line;
}

describe('start-up with a saved index', () => {
  it('makes the timeline with a first build, and leaves it until asked on a start that loads the index', async () => {
    const dirs = await tempDirs(DATED);
    const first = track(await dirsApp(dirs));
    expect(logged(first.logs.lines, 'timeline ready')).toMatchObject({ extracted: 3, merged: true });
    const app = track(await dirsApp(dirs));
    expect((await app.engine.ask('Wagner Bamako', { refusalThreshold: 0 })).citations.length).toBeGreaterThan(0);
    expect(app.logs.text).not.toContain('timeline ready');
  });

  it('extracts and merges nothing it already had on the second start, and serves the same timeline', async () => {
    const dirs = await tempDirs(DATED);
    const first = track(await dirsApp(dirs));
    const timeline = await first.engine.timeline();
    expect(logged(first.logs.lines, 'timeline ready')).toMatchObject({ extracted: 3, merged: true });
    expect(timeline.length).toBeGreaterThan(0);
    // Without the per-document cache a second start would have to extract again to rebuild it.
    await rm(join(dirs.dataDir, 'timeline-events.json'));

    const second = track(await dirsApp(dirs));
    expect(logged(second.logs.lines, 'index loaded')).toMatchObject({ source: 'loaded' });
    expect(await second.engine.timeline()).toEqual(timeline);
    expect(logged(second.logs.lines, 'timeline ready')).toMatchObject({ extracted: 0, merged: false });
    expect(existsSync(join(dirs.dataDir, 'timeline-events.json'))).toBe(false);
  });

  it('extracts only the changed article when one changed between starts', async () => {
    const dirs = await tempDirs(DATED);
    await track(await dirsApp(dirs)).engine.timeline();
    await writeFile(join(dirs.corpusDir, 'alpha.txt'), ' date 2021-10 Op 3 oktober landden huurlingen van Wagner in Bamako.');
    const second = track(await dirsApp(dirs));
    expect((await second.engine.timeline()).some((e) => e.date === '2021-10-03')).toBe(true);
    expect(logged(second.logs.lines, 'timeline ready')).toMatchObject({ extracted: 1, merged: true });
  });

  it('shows the same passage texts, accents and curly quotes included, after a restart from the saved index', async () => {
    const dirs = await tempDirs({
      ...DATED,
      'delta.txt': ' date 2022-03 Le général Lecointre l’a confirmé : « Barkhane s’achève à Gao ».\n\nÉté 2022 : les derniers soldats français quittent Gao.',
    });
    const question = 'Quand les derniers soldats français quittent-ils Gao ?';
    const built = track(await dirsApp(dirs));
    const before = await built.engine.ask(question);
    const after = track(await dirsApp(dirs));
    expect(logged(after.logs.lines, 'index loaded')).toMatchObject({ source: 'loaded' });
    const answer = await after.engine.ask(question);
    expect(answer.citations.map((c) => [c.passageId, c.text])).toEqual(before.citations.map((c) => [c.passageId, c.text]));
    expect(answer.citations.map((c) => c.text)).toContain('Été 2022 : les derniers soldats français quittent Gao.');
    const [hit] = after.engine.search('Lecointre');
    expect(hit?.passage.text).toBe('Le général Lecointre l’a confirmé : « Barkhane s’achève à Gao ».');
  });

  it('rebuilds an index saved by an earlier version of Griot (one JSON object) and answers from it', async () => {
    const dirs = await tempDirs(DATED);
    track(await dirsApp(dirs));
    const path = join(dirs.dataDir, 'index.json');
    const header = JSON.parse((await readFile(path, 'utf8')).split('\n')[0] ?? '') as Record<string, unknown>;
    // What format 3 wrote: the header fields, then the whole snapshot in the same JSON object.
    await writeFile(path, JSON.stringify({ ...header, format: 3, snapshot: { documents: [], passages: [], minisearch: {}, vocabulary: {} } }));
    const app = track(await dirsApp(dirs));
    expect(logged(app.logs.lines, 'index built')).toMatchObject({ source: 'built', reason: 'saved index was made by another version of Griot' });
    expect((await app.engine.ask('Wagner Bamako', { refusalThreshold: 0 })).citations.length).toBeGreaterThan(0);
    const third = track(await dirsApp(dirs));
    expect(logged(third.logs.lines, 'index loaded')).toMatchObject({ source: 'loaded' });
  });
});
