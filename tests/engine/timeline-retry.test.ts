import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.js';
import { createLogger } from '../../src/logger.js';
import { Analyser } from '../../src/search/analyser.js';
import { openIndex, saveOpenedIndex, type IndexStoreOptions } from '../../src/search/open-index.js';
import type { TimelineEvent } from '../../src/types.js';
import { indexStoreOptions, tempDirs } from '../helpers/corpus-dirs.js';

describe('engine.timeline', () => {
  it('tries the extraction again after it failed, instead of failing every /timeline until a reindex', async () => {
    const dirs = await tempDirs();
    const store: IndexStoreOptions = await indexStoreOptions(dirs);
    const deps = { logger: createLogger({ level: 'silent' }), analyser: store.analyser, open: () => openIndex(store), save: (o: Parameters<typeof saveOpenedIndex>[1]) => saveOpenedIndex(store, o) };
    // A first open builds and saves the index, so the next start loads it and extracts lazily.
    await openIndex(store);
    let calls = 0;
    const engine = await createEngine({
      ...deps,
      extractEvents: () => {
        calls++;
        if (calls === 1) throw new Error('disk hiccup');
        return [] as TimelineEvent[];
      },
      queryTimeline: async (state) => [...(await state.events())],
    });
    await expect(engine.timeline()).rejects.toThrow(/disk hiccup/);
    await expect(engine.timeline()).resolves.toEqual([]);
    expect(calls).toBe(2);
  });
});
