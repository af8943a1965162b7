/**
 * Ranking through MiniSearch's public search(): every query term is an exact index term (its
 * expansions were found in the Vocabulary beforehand), weighted with `boostTerm`, so MiniSearch does
 * no fuzzy or prefix walk. MiniSearch scores with BM25+ and multiplies a passage's score by the
 * distinct terms it matched; here a passage's score is multiplied by the query *words* (groups) it
 * matched instead, so a word's expansions do not count as further words.
 *
 * A near-stopword — a term in more passages than `commonPostings` — is asked in a second search,
 * whose `boostDocument` keeps only the passages the rarer terms found (when they found some): its
 * postings are still walked by MiniSearch (one callback each, which its public API cannot avoid),
 * but scored and allocated only on the candidates.
 */
import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';

/** One index term to score, for one query word. */
export interface WeightedTerm {
  readonly term: string;
  /** Multiplies its BM25 score (the word's boost, times an expansion's weight). */
  readonly weight: number;
}

/**
 * A query variant (a question word stemmed in one language) and the index terms it matches
 * (itself and its expansions). A passage's score is multiplied by the groups it matches.
 */
export interface RankGroup {
  readonly terms: readonly WeightedTerm[];
}

export interface RankOptions {
  /** Passages returned (the best, by score). */
  readonly limit: number;
  /** Terms in more passages than this are scored only on candidates found by rarer ones. */
  readonly commonPostings: number;
  /** Passages holding an index term exactly (the Vocabulary's): terms the index lacks are not asked. */
  readonly documentFrequency: (term: string) => number;
  /** Multiplies a passage's score (e.g. a date boost); 0 drops it. */
  readonly boost?: ((id: string) => number) | undefined;
  /** Keeps a passage when true. */
  readonly filter?: ((id: string) => boolean) | undefined;
}

/** Counters of one ranking, for tests that prove a common word was scored on candidates only. */
export interface RankStats {
  /** Postings MiniSearch went through (each term's document frequency, summed). */
  postingsWalked: number;
  /** Postings scored: every posting of a rare term, the candidates' postings of a common one. */
  postingsScored: number;
}

/** Search options of every query: the query is a list of index terms separated by spaces. */
const splitTerms = (s: string) => s.split(' ');

/** The best passages for the query words: [passage id, score], best first. */
export function rank(
  ms: MiniSearch,
  groups: readonly RankGroup[],
  options: RankOptions,
  stats?: RankStats,
): { id: string; score: number }[] {
  // Each distinct index term once, its weights summed (two words may share a stem), with the groups it stands for.
  const weights = new Map<string, number>();
  const groupsOf = new Map<string, number[]>();
  groups.forEach((g, gi) => {
    for (const t of g.terms) {
      weights.set(t.term, (weights.get(t.term) ?? 0) + t.weight);
      const list = groupsOf.get(t.term);
      if (!list) groupsOf.set(t.term, [gi]);
      else if (list.at(-1) !== gi) list.push(gi);
    }
  });
  const rare: string[] = [];
  const common: string[] = [];
  let commonDf = 0;
  for (const term of weights.keys()) {
    const df = options.documentFrequency(term);
    if (df === 0) continue;
    if (df > options.commonPostings) {
      common.push(term);
      commonDf = Math.max(commonDf, df);
    } else {
      rare.push(term);
    }
    if (stats) stats.postingsWalked += df;
  }

  const found = new Map<string, Found>();
  // A result's score is its BM25 sum times the terms it matched: undone here, the groups counted later.
  const collect = (r: SearchResult) => {
    const sum = r.score / Math.max(1, r.queryTerms.length);
    const f = found.get(r.id as string);
    if (f) {
      f.sum += sum;
      f.terms.push(...r.queryTerms);
    } else {
      found.set(r.id as string, { sum, terms: r.queryTerms });
    }
    // Collected here, so MiniSearch neither keeps nor sorts the list: the best `limit` are picked below.
    return false;
  };
  const boostTerm = (term: string) => weights.get(term) ?? 0;
  if (rare.length > 0) {
    ms.search(rare.join(' '), { tokenize: splitTerms, boostTerm, filter: collect });
    if (stats) for (const t of rare) stats.postingsScored += options.documentFrequency(t);
  }
  if (common.length > 0) {
    const candidates = found.size > 0 && found.size < commonDf ? new Set(found.keys()) : null;
    let scored = 0;
    const boostDocument = candidates
      ? (id: unknown) => {
          if (!candidates.has(id as string)) return 0;
          scored++;
          return 1;
        }
      : undefined;
    ms.search(common.join(' '), { tokenize: splitTerms, boostTerm, boostDocument, filter: collect });
    if (stats) stats.postingsScored += candidates ? scored : common.reduce((n, t) => n + options.documentFrequency(t), 0);
  }

  const best = new TopK(options.limit);
  const seen = new Int32Array(groups.length).fill(-1);
  let stamp = 0;
  for (const [id, f] of found) {
    if (options.filter && !options.filter(id)) continue;
    // Query words matched: each group once, however many of its terms the passage holds.
    stamp++;
    let matched = 0;
    for (const term of f.terms) {
      for (const g of groupsOf.get(term) ?? []) {
        if (seen[g] !== stamp) {
          seen[g] = stamp;
          matched++;
        }
      }
    }
    let s = f.sum * matched;
    if (options.boost) s *= options.boost(id);
    if (s > 0) best.offer(id, s);
  }
  return best.sorted();
}

/** A passage found so far: its summed term scores and the index terms it matched. */
interface Found {
  sum: number;
  terms: string[];
}

/** The `k` highest scores seen, in a min-heap. */
class TopK {
  private readonly heap: { id: string; score: number }[] = [];
  constructor(private readonly k: number) {}

  offer(id: string, score: number): void {
    const h = this.heap;
    if (h.length < this.k) {
      h.push({ id, score });
      let i = h.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((h[parent] as { score: number }).score <= score) break;
        [h[i], h[parent]] = [h[parent] as { id: string; score: number }, h[i] as { id: string; score: number }];
        i = parent;
      }
      return;
    }
    if (this.k === 0 || score <= (h[0] as { score: number }).score) return;
    h[0] = { id, score };
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && (h[l] as { score: number }).score < (h[m] as { score: number }).score) m = l;
      if (r < h.length && (h[r] as { score: number }).score < (h[m] as { score: number }).score) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m] as { id: string; score: number }, h[i] as { id: string; score: number }];
      i = m;
    }
  }

  sorted(): { id: string; score: number }[] {
    return [...this.heap].sort((a, b) => b.score - a.score);
  }
}
