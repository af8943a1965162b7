import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createLogger } from '../src/logger.js';
import { terminalProgress } from '../src/progress.js';
import { dirsConfig, tempDirs, trackApps } from './helpers/corpus-dirs.js';

const track = trackApps(afterEach);

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream, written };
}

describe('terminalProgress', () => {
  it('redraws one line in place at most every 250 ms and ends it at the total', () => {
    const { stream, written } = fakeStream(true);
    let t = 0;
    const progress = terminalProgress(stream, () => t)!;
    progress('reading files', 1, 3);
    t = 100;
    progress('reading files', 2, 3);
    t = 150;
    progress('reading files', 3, 3);
    expect(written).toEqual(['\rgriot: reading files 1 / 3 (33%)\x1b[K', '\rgriot: reading files 3 / 3 (100%)\x1b[K\n']);
  });

  it('is silent when the stream is not a terminal', () => {
    expect(terminalProgress(fakeStream(false).stream)).toBeNull();
  });
});

describe('a first build', () => {
  it('reports reading and indexing up to every file and document', async () => {
    const seen: string[] = [];
    const dirs = await tempDirs();
    const start = async () =>
      track(
        await createApp({
          config: dirsConfig(dirs),
          logger: createLogger({ level: 'silent' }),
          progress: (phase, done, total) => seen.push(`${phase} ${done}/${total}`),
        }),
      );
    await start();
    expect(seen).toContain('reading files 3/3');
    expect(seen).toContain('indexing documents 3/3');
    // The second start loads the saved index: nothing to report.
    seen.length = 0;
    await start();
    expect(seen).toEqual([]);
  });
});
