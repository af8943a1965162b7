/**
 * BM25 ranking over the postings (MiniSearch's BM25+ formula and parameters, so scores match what
 * MiniSearch's search() gave), with scores accumulated in flat arrays instead of an object per
 * posting. A near-stopword — a term in more passages than `commonPostings` — is scored only on the
 * passages rarer terms already found, when they found some: its postings cost the candidates', not
 * its own.
 */
import type { Postings } from './postings.js';

/** One index term to score, for one query word. */
export interface WeightedTerm {
  readonly term: string;
  /** Multiplies its BM25 score (the word's boost, times an expansion's weight). */
  readonly weight: number;
}

/**
 * A query variant (a question word stemmed in one language) and the index terms it matches
 * (itself and its expansions). A passage's score is multiplied by the groups it matches, as
 * MiniSearch multiplies by the query terms matched.
 */
export interface RankGroup {
  readonly terms: readonly WeightedTerm[];
}

export interface RankOptions {
  /** Passages returned (the best, by score). */
  readonly limit: number;
  /** Terms in more passages than this are scored only on candidates found by rarer ones. */
  readonly commonPostings: number;
  /** Multiplies a passage's score (e.g. a date boost); 0 drops it. */
  readonly boost?: ((id: string) => number) | undefined;
  /** Keeps a passage when true. */
  readonly filter?: ((id: string) => boolean) | undefined;
}

/** Counters of one ranking, for tests that prove a common word's postings were not walked. */
export interface RankStats {
  postingsScored: number;
}

const K = 1.2;
const B = 0.7;
const D = 0.5;

/** Scratch arrays, reused across queries of one index (queries run one at a time). */
export class Ranker {
  private scores = new Float64Array(0);
  /** Query words matched by each passage, and the last word counted (to count a word once). */
  private matched = new Uint16Array(0);
  private lastGroup = new Int32Array(0);

  constructor(private readonly postings: Postings) {}

  /** The best passages for the query words: [passage id, score], best first. */
  rank(groups: readonly RankGroup[], options: RankOptions, stats?: RankStats): { id: string; score: number }[] {
    const p = this.postings;
    const n = p.idLimit;
    if (this.scores.length < n) {
      this.scores = new Float64Array(n);
      this.matched = new Uint16Array(n);
      this.lastGroup = new Int32Array(n);
    }
    const { scores, matched, lastGroup } = this;
    lastGroup.fill(-1, 0, n);
    const touched: number[] = [];
    const total = p.documentCount;
    const avg = p.averageLength;
    // Rarest words first, so a common word finds the candidates it is scored on.
    const ordered = groups
      .map((g, i) => ({ i, terms: g.terms.map((t) => ({ ...t, postings: p.get(t.term) })) }))
      .map((g) => ({ ...g, df: Math.max(0, ...g.terms.map((t) => t.postings?.size ?? 0)) }))
      .sort((a, b) => a.df - b.df);
    for (const g of ordered) {
      for (const t of g.terms) {
        const list = t.postings;
        if (!list || list.size === 0) continue;
        const df = list.size;
        const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
        const score = (shortId: number, tf: number) => {
          const len = p.length(shortId);
          const s = t.weight * idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * len) / avg)));
          if (lastGroup[shortId] === -1) touched.push(shortId);
          scores[shortId] = (scores[shortId] as number) + s;
          if (lastGroup[shortId] !== g.i) {
            lastGroup[shortId] = g.i;
            matched[shortId] = (matched[shortId] as number) + 1;
          }
        };
        if (df > options.commonPostings && touched.length > 0 && touched.length < df) {
          const candidates = touched.length;
          for (let j = 0; j < candidates; j++) {
            const shortId = touched[j] as number;
            const tf = list.get(shortId);
            if (tf !== undefined) score(shortId, tf);
          }
          if (stats) stats.postingsScored += candidates;
        } else {
          for (const [shortId, tf] of list) score(shortId, tf);
          if (stats) stats.postingsScored += df;
        }
      }
    }
    const best = new TopK(options.limit);
    for (const shortId of touched) {
      const id = p.id(shortId);
      let s = (scores[shortId] as number) * (matched[shortId] as number);
      scores[shortId] = 0;
      matched[shortId] = 0;
      if (id === undefined || (options.filter && !options.filter(id))) continue;
      if (options.boost) s *= options.boost(id);
      if (s > 0) best.offer(id, s);
    }
    return best.sorted();
  }
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
