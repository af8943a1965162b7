import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { UsageError } from '../../src/cli/args.js';
import { reindexCommand } from '../../src/cli/reindex.js';
import { dirsApp, tempDirs } from '../helpers/corpus-dirs.js';
import { captureIo } from '../helpers/io.js';

const apps: App[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.engine.close();
});

const capture = captureIo;

/** A corpus with one change of each kind and a skipped file, and an app started before them. */
async function changedCorpus(): Promise<App> {
  const dirs = await tempDirs();
  const app = await dirsApp(dirs);
  apps.push(app);
  await writeFile(join(dirs.corpusDir, 'delta.txt'), 'Een nieuw artikel over Sévaré en de Malinese junta.');
  await writeFile(join(dirs.corpusDir, 'beta.txt'), ' date 2021-06 Takuba telt nu negenhonderd soldaten.');
  await unlink(join(dirs.corpusDir, 'gamma.txt'));
  await writeFile(join(dirs.corpusDir, 'scan.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00]));
  return app;
}

describe('npm run reindex', () => {
  it('prints the counts, each skipped file with its reason and the duration', async () => {
    const io = capture();
    expect(await reindexCommand(await changedCorpus(), [], io)).toBe(0);
    expect(io.stdout).toMatch(/^Reindexed in \d+ ms: 3 documents, \d+ passages, \d+ timeline events\.\n/);
    expect(io.stdout).toMatch(/1 added \(delta\); 1 changed \(beta\); 1 removed \(gamma\); 1 unchanged; 1 skipped\./);
    expect(io.stdout).toMatch(/\n {2}skipped scan\.txt: looks binary/);
  });

  it('--json prints the report as one JSON object', async () => {
    const io = capture();
    await reindexCommand(await changedCorpus(), ['--json'], io);
    expect(io.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(io.stdout)).toMatchObject({
      added: ['delta'],
      changed: ['beta'],
      removed: ['gamma'],
      unchanged: 1,
      documents: 3,
      skipped: [{ file: 'scan.txt', reason: expect.stringMatching(/binary/) }],
      durationMs: expect.any(Number),
    });
  });

  it('refuses arguments it does not know', async () => {
    const app = await dirsApp(await tempDirs());
    apps.push(app);
    await expect(reindexCommand(app, ['--force'], capture())).rejects.toBeInstanceOf(UsageError);
    await expect(reindexCommand(app, ['seeds'], capture())).rejects.toThrow(/no arguments/);
  });
});

describe('renderReindexReport (the terminal and /reindex in Discord)', () => {
  it('says the index was not saved, why, and what that means', async () => {
    const { renderReindexReport } = await import('../../src/cli/reindex.js');
    const text = renderReindexReport({ added: [], changed: [], removed: [], unchanged: 5, skipped: [], documents: 5, passages: 31, events: 28, durationMs: 4, notSaved: 'no space left on the disk' });
    expect(text).toMatch(/\nIndex not saved: no space left on the disk\. It serves in this process only: a running bot does not see it, and the next start rebuilds it\.$/);
  });
});
