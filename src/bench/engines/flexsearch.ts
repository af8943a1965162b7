/** FlexSearch 0.8: an Index with its French language pack (stopwords, light stemmer) over the Normalize charset. */
import { Charset, Encoder, Index } from 'flexsearch';
import french from 'flexsearch/lang/fr';
import type { BenchInput, EngineAdapter } from './engine.js';

/** Index options; a fresh Encoder each time (it caches) so no state leaks between builds. */
function newIndex(): Index {
  return new Index({ tokenize: 'strict', encoder: new Encoder(Charset.Normalize).assign(french) });
}

export function flexSearchEngine(): EngineAdapter {
  let index: Index | null = null;
  const current = () => {
    if (!index) throw new Error('flexsearch: no index built or loaded');
    return index;
  };
  return {
    name: 'flexsearch',
    description: "FlexSearch 0.8 Index, tokenize 'strict', Charset.Normalize + lang/fr (no Dutch pack exists), suggest: true",
    build(input: BenchInput) {
      index = newIndex();
      for (const p of input.passages) index.add(p.id, p.text);
    },
    search(query, k) {
      // suggest: without it a multi-word query only returns passages holding every word.
      return current().search(query, { limit: k, suggest: true }).map(String);
    },
    save() {
      const parts: [string, string][] = [];
      current().export((key, data) => {
        parts.push([key, data]);
      });
      return JSON.stringify(parts);
    },
    load(data) {
      const next = newIndex();
      for (const [key, part] of JSON.parse(data as string) as [string, string][]) next.import(key, part);
      index = next;
    },
    release() {
      index = null;
    },
  };
}
