/** Plain MiniSearch with its default options: the baseline Griot's index is built on. */
import MiniSearch from 'minisearch';
import type { BenchInput, EngineAdapter } from './engine.js';

const OPTIONS = { fields: ['text'] };

export function miniSearchEngine(): EngineAdapter {
  let ms: MiniSearch | null = null;
  const current = () => {
    if (!ms) throw new Error('minisearch: no index built or loaded');
    return ms;
  };
  return {
    name: 'minisearch',
    description: "MiniSearch defaults, fields ['text'] (no stemming, no stopwords, exact terms, OR)",
    build(input: BenchInput) {
      ms = new MiniSearch(OPTIONS);
      ms.addAll(input.passages.map((p) => ({ id: p.id, text: p.text })));
    },
    search(query, k) {
      return current()
        .search(query)
        .slice(0, k)
        .map((r) => r.id as string);
    },
    save() {
      return JSON.stringify(current());
    },
    load(data) {
      ms = MiniSearch.loadJSON(data as string, OPTIONS);
    },
    release() {
      ms = null;
    },
  };
}
