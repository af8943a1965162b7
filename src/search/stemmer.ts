import snowball from 'snowball-stemmers';
import type { Lang } from '../types.js';
import { fold } from './text.js';

const ALGORITHM: Record<Lang, string> = { nl: 'dutch', fr: 'french', en: 'english' };

/**
 * Snowball stemming, memoised per language and token. The stemmers dominate analysis time, and
 * news text repeats its vocabulary, so after warm-up a token costs one Map lookup. The cache is
 * bounded so a long-running bot that indexes ever new text cannot grow it without limit.
 */
export class MemoStemmer {
  private readonly stemmers = new Map<Lang, snowball.Stemmer>();
  private readonly caches = new Map<Lang, Map<string, string>>();

  constructor(private readonly maxEntries = 500_000) {}

  /** The folded stem of a lower-case token (stemmed before folding: French rules need accents). */
  stem(token: string, lang: Lang): string {
    let cache = this.caches.get(lang);
    if (!cache) {
      cache = new Map();
      this.caches.set(lang, cache);
    }
    const hit = cache.get(token);
    if (hit !== undefined) return hit;
    let stemmer = this.stemmers.get(lang);
    if (!stemmer) {
      stemmer = snowball.newStemmer(ALGORITHM[lang]);
      this.stemmers.set(lang, stemmer);
    }
    const stem = fold(stemmer.stem(token));
    if (cache.size >= this.maxEntries) cache.clear();
    cache.set(token, stem);
    return stem;
  }
}
