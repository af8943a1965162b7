/** Griot's own index: the full analyser (stopwords, Snowball stems, accent folding) over MiniSearch. */
import { Analyser } from '../../search/analyser.js';
import { snapshotFromBytes, snapshotToBytes } from '../../search/persist.js';
import { SearchIndex } from '../../search/search-index.js';
import type { BenchInput, EngineAdapter } from './engine.js';

/** SearchIndex.build / search / snapshot / restore, each build with a fresh analyser (its stem cache counted). */
export function griotEngine(): EngineAdapter {
  let index: SearchIndex | null = null;
  const current = () => {
    if (!index) throw new Error('griot: no index built or loaded');
    return index;
  };
  return {
    name: 'griot',
    description: 'SearchIndex: analyser (stopwords, Snowball nl/fr/en, folding), exact terms from an index-time vocabulary (cognates, prefixes, near spellings), queries stemmed in nl/fr/en',
    build(input: BenchInput) {
      index = SearchIndex.build(input.documents, new Analyser());
    },
    search(query, k) {
      return current().search(query, { limit: k }).map((h) => h.passage.id);
    },
    save() {
      return snapshotToBytes(current().snapshot());
    },
    load(data) {
      index = SearchIndex.restore(snapshotFromBytes(typeof data === 'string' ? Buffer.from(data, 'utf8') : data), new Analyser());
    },
    release() {
      index = null;
    },
  };
}
